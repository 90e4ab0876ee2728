"""The Geometry3K reader: one folder per problem; a bad problem is reported, the rest read."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "geometry3k_geometry_question_answer"


def test_problems_in_numeric_order() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == [] and [r.id for r in records] == ["386", "963", "1024"]
    assert records[1].label == "1.88" and records[1].answer_index == 1


def test_bad_problems_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "geometry3k")
    path = root / "train" / "963" / "data.json"
    data = json.loads(path.read_text())
    data["answer"] = "F"
    path.write_text(json.dumps(data))
    (root / "train" / "1024" / "img_diagram.png").unlink()
    (root / "train" / "386" / "data.json").write_text("{")
    records, problems = read_task(TASK, root)
    assert records == []
    assert {(p.record_id, p.field) for p in problems} == {
        ("963", "answer"), ("1024", "image"), (None, None)}
    assert any(p.file == "train/386/data.json" for p in problems)
