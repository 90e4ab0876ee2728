"""The GQA reader: ids <question id>_<imageId>; bad questions reported, the rest read."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

FILE = "train_balanced_questions.json"


def test_released_id_shape() -> None:
    records, problems = read_task("gqa", FIXTURE)
    assert problems == []
    assert (records[0].id, records[0].label) == ("19337276_2415801", "pole")


def test_bad_questions_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "gqa")
    data = json.loads((root / FILE).read_text())
    del data["19337277"]["answer"]
    data["13288402"]["imageId"] = "../../etc"
    (root / FILE).write_text(json.dumps(data))
    (root / "images" / "2354786.jpg").unlink()
    records, problems = read_task("gqa", root)
    assert [r.id for r in records] == ["19337276_2415801"]
    assert {(p.record_id, p.field) for p in problems} == {
        ("19337277", "answer"), ("05451384", "image"), ("13288402", "imageId")}
