"""The DocVQA reader: answers list as label, bad entries reported by questionId."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "docvqa_question_answer"
FILE = "train/train_v1.0.json"


def test_ids_are_unique_per_question() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [r.id for r in records] == ["qjyg0023_4.png-49153", "qjyg0023_4.png-49154",
                                       "jhnm0081_2.png-20385", "xnbl0037_1.png-337"]
    assert records[0].images == ("train/documents/qjyg0023_4.png",)


def test_bad_entries_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "docvqa")
    data = json.loads((root / FILE).read_text())
    data["data"][0]["answers"] = []
    del data["data"][1]["questionId"]
    (root / FILE).write_text(json.dumps(data))
    (root / "train" / "documents" / "xnbl0037_1.png").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["jhnm0081_2.png-20385"]
    assert {(p.record_id, p.field) for p in problems} == {
        ("49153", "answers"), ("#1", "questionId"), ("337", "image")}


def test_unreadable_file_is_one_problem(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "docvqa")
    (root / FILE).write_text("{not json")
    records, problems = read_task(TASK, root)
    assert records == [] and len(problems) == 1 and problems[0].file == FILE
