"""Spot-the-diff reader: frame pairs become one 448x224 panel; repeats, empties and gaps handled."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from visionflan_core.records import resolve_image
from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "spot_the_diff_image_diff_identification"
FILE = Path("data/annotations/train.json")


def test_panel_puts_before_left_and_after_right() -> None:
    records = read_task(TASK, FIXTURE)[0]
    assert [r.id for r in records] == ["984", "10125", "161", "76", "984_2"]
    assert records[3].label == "there are no differences"
    with Image.open(resolve_image(TASK, FIXTURE, records[0].images[0])) as panel:
        assert (panel.size, panel.format, panel.mode) == ((448, 224), "PNG", "RGB")
        for index, name in enumerate(["984.png", "984_2.png"]):
            with Image.open(FIXTURE / "resized_images" / name) as frame:
                expected = frame.convert("RGB").resize((224, 224))
            assert panel.crop((224 * index, 0, 224 * (index + 1), 224)).tobytes() == expected.tobytes()


def test_missing_frame_empty_sentences_and_bad_entries_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "spot_the_diff")
    (root / "resized_images" / "10125_2.png").unlink()
    entries = json.loads((root / FILE).read_text())
    entries[2]["sentences"] = ["", "  "]
    del entries[3]["img_id"]
    entries.append("not an entry")
    (root / FILE).write_text(json.dumps(entries))
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["984", "984_2"]
    assert {(p.record_id, p.field) for p in problems} == {
        ("10125", "image"), ("161", "sentences"), ("entry 3", "img_id"), ("entry 5", None)}
    assert all(p.file == str(FILE) for p in problems)
