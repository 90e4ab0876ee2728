"""Winoground reader: two records per example, own caption first; bad lines reported by id."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "winoground_image_captioning"


def test_one_record_per_image_with_its_own_caption_first(tmp_path: Path) -> None:
    records = read_task(TASK, copy_fixture(FIXTURE, tmp_path, "winoground"))[0]
    assert [r.id for r in records] == ["289+image_0", "289+image_1", "312+image_0", "312+image_1"]
    assert records[1].choices == ("the cross is above the circle", "the circle is above the cross")
    assert all(r.answer_index == 0 for r in records)


def test_missing_image_and_caption_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "winoground")
    (root / "images" / "ex_289_img_1.png").unlink()
    lines = (root / "examples.jsonl").read_text().splitlines()
    broken = json.loads(lines[1])
    del broken["caption_1"]
    (root / "examples.jsonl").write_text("\n".join([lines[0], json.dumps(broken), "{oops"]) + "\n")
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["289+image_0"]
    found = {(p.record_id, p.field) for p in problems}
    assert ("289+image_1", "image") in found
    assert ("312+image_0", "caption_1") in found and ("312+image_1", "caption_1") in found
    assert any("line 3" in p.message for p in problems)
