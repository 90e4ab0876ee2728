"""The OCR-VQA reader: one record per question of a train book; bad books are reported."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "ocr_vqa_visual_question_answering"


def test_train_questions_only() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [r.id for r in records] == ["761183272_0", "761183272_1", "761183272_2", "761183272_3",
                                       "1416556028_0", "1416556028_1"]
    assert records[0].images == ("images/761183272.jpg",)
    assert (records[1].fields["question"], records[1].label) == (
        "What is the title of this book?", "Mom's Family Wall Calendar 2016")


def test_bad_books_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "ocr_vqa")
    books = json.loads((root / "dataset.json").read_text())
    books["761183272"]["answers"].pop()
    del books["0307588378"]["split"]
    (root / "dataset.json").write_text(json.dumps(books))
    (root / "images" / "1416556028.jpg").unlink()
    records, problems = read_task(TASK, root)
    assert records == []
    assert {(p.record_id, p.field) for p in problems} == {
        ("761183272", "questions"), ("0307588378_0", "split"), ("1416556028_0", "image"),
        ("1416556028_1", "image")}


def test_without_ijson_the_file_is_loaded_whole_with_the_same_records(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    streamed, _ = read_task(TASK, FIXTURE)
    monkeypatch.setitem(sys.modules, "ijson", None)  # import ijson now raises ImportError
    loaded, problems = read_task(TASK, FIXTURE)
    assert problems == [] and [(r.id, r.label) for r in loaded] == [(r.id, r.label) for r in streamed]
