"""The CLEVR question reader: grouped by image, first questions in file order, bad ones reported."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

BASE = "CLEVR_CoGenT_v1.0"
QUESTIONS = f"{BASE}/questions/CLEVR_trainA_questions.json"
IMAGES = ["CLEVR_trainA_005475.png", "CLEVR_trainA_015561.png", "CLEVR_trainA_052417.png",
          "CLEVR_trainA_064819.png"]


def test_one_record_per_image_with_its_first_questions_in_file_order() -> None:
    records, problems = read_task("clevr_cogent_multiple_question_answering", FIXTURE)
    assert problems == []
    assert [r.id for r in records] == IMAGES
    assert [len(r.fields["questions"]) for r in records] == [9, 9, 9, 3]
    rows = json.loads((FIXTURE / QUESTIONS).read_text())["questions"]
    first_nine = [row["question"] for row in rows if row["image_filename"] == IMAGES[0]][:9]
    assert [pair["question"] for pair in records[0].fields["questions"]] == first_nine
    assert records[0].label == [pair["answer"] for pair in records[0].fields["questions"]]


def test_matching_offers_each_distinct_answer_once() -> None:
    records, _ = read_task("clevr_cogent_question_answer_matching", FIXTURE)
    record = records[1]
    assert record.choices is not None
    assert sorted(record.choices) == sorted(set(record.label))
    assert len(record.choices) == 8


def test_bad_questions_are_reported_with_their_image(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "clevr_cogent")
    data = json.loads((root / QUESTIONS).read_text())
    del data["questions"][0]["answer"]
    del data["questions"][10]["image_filename"]
    (root / QUESTIONS).write_text(json.dumps(data))
    (root / BASE / "images" / "trainA" / IMAGES[3]).unlink()
    records, problems = read_task("clevr_cogent_question_answering", root)
    assert [r.id for r in records] == IMAGES[1:3]
    assert {(p.record_id, p.field) for p in problems} == {
        (IMAGES[0], "answer"), ("question #10", "image_filename"), (IMAGES[3], "image")}


def test_without_ijson_the_file_is_loaded_whole_with_the_same_records(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    streamed, _ = read_task("clevr_cogent_vqa_context", FIXTURE)
    monkeypatch.setitem(sys.modules, "ijson", None)  # import ijson now raises ImportError
    loaded, problems = read_task("clevr_cogent_vqa_context", FIXTURE)
    assert problems == [] and [r.fields for r in loaded] == [r.fields for r in streamed]


def test_a_separate_later_run_of_an_image_is_reported_and_left_out(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "clevr_cogent")
    data = json.loads((root / QUESTIONS).read_text())
    data["questions"].append(dict(data["questions"][0], question="Asked again?"))
    (root / QUESTIONS).write_text(json.dumps(data))
    records, problems = read_task("clevr_cogent_question_answering", root)
    assert [r.id for r in records] == IMAGES
    assert [(p.record_id, p.field) for p in problems] == [(IMAGES[0], "image_filename")]


def test_broken_or_unshaped_files_are_one_problem(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "clevr_cogent")
    (root / QUESTIONS).write_text('{"info": {}, "questions": [{"image_filename": "a.png"')
    records, problems = read_task("clevr_cogent_question_answering", root)
    assert records == [] and [p.message for p in problems] == [problems[0].message]
    assert "not valid JSON" in problems[0].message
    (root / QUESTIONS).write_text('{"info": {}}')
    records, problems = read_task("clevr_cogent_question_answering", root)
    assert records == [] and len(problems) == 1 and problems[0].field == "questions"
