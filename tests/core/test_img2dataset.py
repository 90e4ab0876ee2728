"""img2dataset's ``files`` output joined by URL or key: saved images found, dead links counted once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from visionflan_core.reader_kit import ReadContext, SourceRecord, load_downloads, require
from visionflan_core.readers.img2dataset import key_for, write_files_output
from visionflan_core.testing import draw_image

ROWS = [
    {"url": "https://a.example/cat.jpg", "caption": "a cat", "image_id": "c1"},
    {"url": "https://a.example/dead.jpg", "caption": "gone", "image_id": "d1",
     "status": "failed_to_download"},
    {"url": "https://b.example/dog.png", "caption": "a dog", "image_id": "g1"},
]


def _download(root: Path, rows: list[dict[str, Any]] = ROWS, **options: Any) -> Path:
    write_files_output(root / "images", rows, lambda path, key: draw_image(path, seed=key), **options)
    return root


def _read(context: ReadContext, root: Path, annotations: list[dict[str, str]]) -> list[SourceRecord]:
    downloads = load_downloads(context, root, "images")

    def build(record_id: object, raw: Any) -> SourceRecord:
        return SourceRecord(id=str(record_id), images=(downloads.image(require(raw, "url")),),
                            fields={}, label=raw["caption"])

    return list(downloads.build_each(enumerate(annotations), build, file=root / "captions.tsv"))


def test_keys_follow_img2datasets_shard_numbering() -> None:
    assert key_for(0) == "000000000"
    assert key_for(10005) == "000010005"
    assert key_for(7, number_sample_per_shard=100, oom_shard_count=3) == "00007"
    assert key_for(250, number_sample_per_shard=100, start_shard=2) == "0000450"


def test_layout_written_as_img2dataset_writes_it(tmp_path: Path) -> None:
    root = _download(tmp_path, number_sample_per_shard=2)
    names = sorted(p.relative_to(root / "images").as_posix() for p in (root / "images").rglob("*"))
    assert names == ["00000", "00000/000000.jpg", "00000/000000.json", "00000/000000.txt",
                     "00000_stats.json", "00001", "00001/000010.jpg", "00001/000010.json",
                     "00001/000010.txt", "00001_stats.json"]
    meta = json.loads((root / "images/00001/000010.json").read_text())
    assert meta["url"] == ROWS[2]["url"] and meta["key"] == "000010" and meta["status"] == "success"


def test_join_by_url_counts_the_records_never_downloaded(tmp_path: Path) -> None:
    root = _download(tmp_path)
    annotations = [{"url": r["url"], "caption": r["caption"]} for r in ROWS]
    annotations.append({"url": "https://never.example/x.jpg", "caption": "not in the url list"})
    context = ReadContext("t_caption", root)
    records = _read(context, root, annotations)
    assert [(r.id, r.images, r.label) for r in records] == [
        ("0", ("images/00000/000000000.jpg",), "a cat"),
        ("2", ("images/00000/000000002.jpg",), "a dog")]
    [problem] = context.problems
    assert (problem.task_id, problem.file, problem.field) == ("t_caption", "captions.tsv", "image")
    assert problem.message == ("2 of 4 records have no image downloaded by img2dataset in images/ "
                               "(2 not in the download); first: 1, 3")


def test_failed_downloads_named_from_the_parquet_stats(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    root = _download(tmp_path)
    stats = {"url": [r["url"] for r in ROWS], "key": [key_for(i) for i in range(3)],
             "status": ["success", "failed_to_download", "success"],
             "error_message": [None, "HTTP Error 404: Not Found", None]}
    pq.write_table(pa.table(stats), root / "images" / "00000.parquet")
    context = ReadContext("t", root)
    _read(context, root, [{"url": r["url"], "caption": r["caption"]} for r in ROWS])
    assert "(1 failed_to_download)" in context.problems[0].message


def test_join_by_a_saved_column_and_bad_samples(tmp_path: Path) -> None:
    root = _download(tmp_path)
    (root / "images/00000/000000002.jpg").unlink()  # saved, then lost: a bad record, not a dead link
    (root / "images/00000/000000009.json").write_text("{not json")
    context = ReadContext("t", root)
    downloads = load_downloads(context, root, "images", join="image_id")
    assert len(downloads) == 2
    found = downloads.find(" c1 ")
    assert found is not None and found.caption == "a cat" and found.key == "000000000"
    assert downloads.image("c1") == "images/00000/000000000.jpg"

    def build(record_id: object, image_id: Any) -> SourceRecord:
        return SourceRecord(id=str(image_id), images=(downloads.image(image_id),), fields={}, label="")

    records = list(downloads.build_each([(0, "c1"), (1, "g1")], build, file=root / "a.json"))
    assert [r.id for r in records] == ["c1"]
    assert [(p.file, p.record_id, p.field) for p in context.problems] == [
        ("images/00000/000000009.json", None, None), ("a.json", "1", "image")]


def test_missing_folder_and_webdataset_output_are_reported(tmp_path: Path) -> None:
    context = ReadContext("t", tmp_path)
    assert _read(context, tmp_path, [{"url": "u", "caption": "c"}]) == []
    assert [p.message.split(" (")[0] for p in context.problems] == [
        "img2dataset output folder is missing",
        "1 of 1 records have no image downloaded by img2dataset in images/"]
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "00000.tar").write_bytes(b"")
    context = ReadContext("t", tmp_path)
    load_downloads(context, tmp_path, "images")
    assert [p.message.split(" ")[:3] for p in context.problems] == [
        ["img2dataset", "webdataset", "output"], ["no", "img2dataset", "shard"]]
