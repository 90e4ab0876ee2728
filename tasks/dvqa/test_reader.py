"""DVQA: one question per image and task; bad questions, a broken tail and a missing ijson reported."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
FIRST = "dvqa_charts_question_answer_1"
SECOND = "dvqa_charts_question_answer_2"
QA = "qa/train_qa.json"


def test_each_task_takes_its_own_question_of_each_image(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "dvqa")
    first, problems = read_task(FIRST, root)
    assert problems == []
    second, problems = read_task(SECOND, root)
    assert problems == []
    assert [r.id for r in first] == [r.id for r in second]
    assert (second[2].fields["question"], second[2].label) == ("Which object is the least preferred?", "wit")


def test_bad_questions_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "dvqa")
    qa = json.loads((root / QA).read_text())
    del qa[0]["answer"]                       # question 1: no answer
    qa[3] = "not a question"                  # question 4: not an object
    (root / "images" / "bar_train_00192027.png").unlink()
    (root / QA).write_text(json.dumps(qa))
    records, problems = read_task(FIRST, root)
    assert [r.id for r in records] == ["bar_train_00048307.png", "bar_train_00200000.png"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (QA, "question 1", "answer"), (QA, "question 4", None), (QA, "question 6", "image")]


def test_a_broken_tail_keeps_the_questions_read_before_it(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "dvqa")
    text = (root / QA).read_text()
    (root / QA).write_text(text[: text.index("bar_train_00192027.png")])
    records, problems = read_task(FIRST, root)
    assert [r.id for r in records] == ["bar_train_00000000.png", "bar_train_00048307.png"]
    assert len(problems) == 1 and problems[0].file == QA and "after question 5" in problems[0].message


def test_missing_file_and_missing_ijson_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "dvqa")
    (root / QA).unlink()
    records, problems = read_task(FIRST, root)
    assert records == [] and [p.file for p in problems] == [QA]
    monkeypatch.setitem(sys.modules, "ijson", None)
    records, problems = read_task(FIRST, FIXTURE)
    assert records == [] and "pip install 'visionflan[export]'" in problems[0].message
