"""The CrowdHuman reader counts person boxes and reports bad lines, boxes and images."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import copy_fixture

from .reader import read_crowdhuman

FIXTURE = Path(__file__).parent / "fixture"
FILE = "annotation_train.odgt"


def test_person_boxes_are_counted_and_masks_are_not() -> None:
    context = ReadContext("crowdhuman_count_numbers", FIXTURE)
    records = list(read_crowdhuman(context, FIXTURE))
    assert context.problems == []
    assert [(r.id, r.label) for r in records] == [("0", 29), ("1", 4), ("2", 7), ("3", 1)]
    assert records[0].images == ("Images/273278,98605000480ec4a4.jpg",)
    context = ReadContext("crowdhuman_count_numbers", FIXTURE)
    assert [r.label for r in read_crowdhuman(context, FIXTURE, count_ignored=False)] == [29, 3, 7, 1]


def test_bad_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "crowdhuman")
    lines = (root / FILE).read_text().splitlines()
    second = json.loads(lines[1])
    del second["gtboxes"][0]["tag"]
    lines[1] = json.dumps(second)
    lines[2] = lines[2][:40]  # a truncated line
    (root / FILE).write_text("\n".join(lines) + "\n")
    (root / "Images" / "284193,faa9000f2678b5e.jpg").unlink()
    context = ReadContext("crowdhuman_count_numbers", root)
    records = list(read_crowdhuman(context, root))
    assert [r.id for r in records] == ["0"]
    assert [(p.file, p.record_id, p.field) for p in context.problems] == [
        (FILE, None, None), (FILE, "line 2", "tag"), (FILE, "line 4", "image")]
