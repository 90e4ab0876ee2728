"""The AI2D reader: question files keyed by text; bad questions and files reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "ai2d_visual_question_answering"


def test_questions_in_numeric_file_order() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [r.id for r in records] == ["0.png-0", "689.png-0", "689.png-1", "2462.png-3"]
    assert records[1].choices is not None and records[1].answer_index == 1


def test_bad_questions_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "ai2d")
    path = root / "questions" / "689.png.json"
    data = json.loads(path.read_text())
    next(iter(data["questions"].values()))["correctAnswer"] = 9
    path.write_text(json.dumps(data))
    (root / "questions" / "0.png.json").write_text("[1, 2")
    (root / "images" / "2462.png").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["689.png-1"]
    assert {(p.file, p.record_id, p.field) for p in problems} == {
        ("questions/0.png.json", None, None),
        ("questions/689.png.json", "689.png-0", "correctAnswer"),
        ("questions/2462.png.json", "2462.png-3", "image")}
