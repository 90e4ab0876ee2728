"""Load-time validation: every bad record is dropped with its id and reason, never crashing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import write_colour_dataset
from visionflan_trainer.conversation import ConversationEncoder
from visionflan_trainer.data import build_dataset
from visionflan_trainer.images import ImageSpec
from visionflan_trainer.records import DataError, find_json_files, load_records
from visionflan_trainer.tokenizer import build_tiny_tokenizer


def _conv(q: str = "<image>\nWhat colour?", a: str = "Red.") -> list[dict[str, str]]:
    return [{"from": "human", "value": q}, {"from": "gpt", "value": a}]


def test_bad_records_are_dropped_with_reasons(tmp_path: Path) -> None:
    root = write_colour_dataset(tmp_path, n=3)
    (root / "llava" / "images" / "corrupt.png").write_bytes(b"not a png at all")
    extra = [
        {"id": "missing", "image": "images/nope.png", "conversations": _conv()},
        {"id": "corrupt", "image": "images/corrupt.png", "conversations": _conv()},
        {
            "id": "roles",
            "image": "images/0.png",
            "conversations": [{"from": "gpt", "value": "<image>\nhi"}, {"from": "human", "value": "x"}],
        },
        {"id": "twice", "image": "images/0.png", "conversations": _conv("<image> <image> q")},
        {"id": "noplaceholder", "image": "images/0.png", "conversations": _conv("q")},
        {"id": "endshuman", "conversations": [{"from": "human", "value": "q"}]},
        {"id": "long", "image": "images/0.png", "conversations": _conv(a="red " * 200)},
        {"id": "textonly", "conversations": _conv("Say yes.", "Yes.")},
        {
            "id": "multi",
            "image": ["images/0.png", "images/1.png"],
            "conversations": _conv("<image> vs <image>: same?", "No."),
        },
    ]
    write_colour_dataset(tmp_path, n=3, extra=extra)
    records, report = load_records(root, "vicuna_v1")
    reasons = {d.id: d.reason for d in report.dropped}
    assert reasons["missing"].startswith("missing image")
    assert reasons["corrupt"].startswith("unreadable image")
    assert reasons["roles"].startswith("bad roles")
    assert reasons["twice"].startswith("bad placeholders")
    assert reasons["noplaceholder"].startswith("bad placeholders")
    assert reasons["endshuman"].startswith("bad roles")
    assert {r.id for r in records} == {"s0", "s1", "s2", "long", "textonly", "multi"}

    tok = build_tiny_tokenizer()
    enc = ConversationEncoder(tok, tok.convert_tokens_to_ids("<image>"), 16)
    spec = ImageSpec(32, (0.5, 0.5, 0.5), (0.5, 0.5, 0.5))
    ds = build_dataset(records, enc, "vicuna_v1", 128, spec, report)
    assert "long" not in ds.ids and len(ds) == 5
    long_reason = {d.id: d.reason for d in report.dropped}["long"]
    assert long_reason.startswith("too long") and "max_length 128" in long_reason
    assert report.summary(len(ds)).startswith("kept 5 records, dropped 7")
    assert report.counts()["bad placeholders"] == 2
    multi = ds[ds.ids.index("multi")]
    assert len(multi["pixel_values"]) == 2 and ds[ds.ids.index("textonly")]["pixel_values"] == []


def test_plain_template_needs_one_exchange(tmp_path: Path) -> None:
    extra = [{"id": "x", "image": "images/0.png", "conversations": _conv() + _conv("q", "a")}]
    root = write_colour_dataset(tmp_path, n=2, extra=extra)
    records, report = load_records(root, "plain")
    assert [d.id for d in report.dropped] == ["x"] and len(records) == 2


def test_corrupt_image_at_decode_time_is_replaced_not_fatal(tmp_path: Path) -> None:
    root = write_colour_dataset(tmp_path, n=3)
    records, report = load_records(root, "vicuna_v1")
    # break the file after validation (e.g. truncated on a network filesystem)
    img = root / "llava" / "images" / "0.png"
    img.write_bytes(img.read_bytes()[:60])
    tok = build_tiny_tokenizer()
    enc = ConversationEncoder(tok, tok.convert_tokens_to_ids("<image>"), 16)
    ds = build_dataset(records, enc, "vicuna_v1", 128, ImageSpec(32, (0.5,) * 3, (0.5,) * 3), report)  # type: ignore[arg-type]
    item = ds[0]
    assert item["replaced"] == ["s0"] and item["id"] == "s1"


def test_data_path_resolution(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="does not exist"):
        find_json_files(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError, match=r"no \*\.json"):
        find_json_files(tmp_path / "empty")
    flat = tmp_path / "flat"
    flat.mkdir()
    for name in ("b.json", "a.json"):
        (flat / name).write_text(json.dumps([]))
    assert [p.name for p in find_json_files(flat)] == ["a.json", "b.json"]
    root = write_colour_dataset(tmp_path / "exported", n=1)
    assert find_json_files(root) == [root / "llava" / "train.json"]
    assert find_json_files(root / "llava" / "train.json") == [root / "llava" / "train.json"]


def test_image_folder_fallback(tmp_path: Path) -> None:
    root = write_colour_dataset(tmp_path / "imgs", n=1)
    ann = tmp_path / "ann.json"
    ann.write_text(json.dumps([{"id": "a", "image": "images/0.png", "conversations": _conv()}]))
    records, report = load_records(ann, "vicuna_v1", image_folder=root / "llava")
    assert len(records) == 1 and not report.dropped


def test_a_single_file_is_checked_with_its_export_folder(tmp_path: Path) -> None:
    """``vf-tasks export --llava-single-file`` writes OUT/llava.json: its export must be finished."""
    root = write_colour_dataset(tmp_path / "out", n=3, completed=False)
    items = json.loads((root / "llava" / "train.json").read_text())
    single = root / "llava.json"
    single.write_text(json.dumps([{**item, "image": f"llava/{item['image']}"} for item in items]))
    with pytest.raises(DataError, match="unfinished export"):
        load_records(single, "vicuna_v1")
    (root / "COMPLETED").write_bytes(b"")
    records, report = load_records(single, "vicuna_v1")
    assert [r.id for r in records] == ["s0", "s1", "s2"] and not report.dropped
    assert records[0].images == [root / "llava" / "images" / "0.png"]  # relative to the file's folder
