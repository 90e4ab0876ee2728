"""The TDIUC reader: one question type per task, released ids and answers; bad records reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import copy_fixture, read_task

from .reader import read_tdiuc

FIXTURE = Path(__file__).parent / "fixture"
QUESTIONS = "Questions/OpenEnded_mscoco_train2014_questions.json"
ANNOTATIONS = "Annotations/mscoco_train2014_annotations.json"
OPTIONS = {"questions": QUESTIONS, "annotations": ANNOTATIONS,
           "image_pattern": "Images/train2014/COCO_train2014_{image_id:012d}.jpg"}


def test_each_task_reads_only_its_question_type() -> None:
    records, problems = read_task("tdiuc_color", FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records] == [
        ("20018097", "orange"), ("10088560", "brown"), ("20018100", "white")]
    assert records[0].images == ("Images/train2014/COCO_train2014_000000023812.jpg",)


def test_absurd_questions_are_never_read() -> None:
    context = ReadContext("tdiuc_absurd", FIXTURE)
    assert [r.id for r in read_tdiuc(context, FIXTURE, question_type="absurd", **OPTIONS)] == ["10088570"]
    context = ReadContext("tdiuc_object_recognition", FIXTURE)
    ids = [r.id for r in read_tdiuc(context, FIXTURE, question_type="object_recognition", **OPTIONS)]
    assert "10088570" not in ids and context.problems == []


def test_bad_records_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "tdiuc")
    questions = json.loads((root / QUESTIONS).read_text())
    annotations = json.loads((root / ANNOTATIONS).read_text())
    by_id = {q["question_id"]: q for q in questions["questions"]}
    by_id[30131030]["image_id"] = "x"                     # attribute: image id not an integer
    del by_id[30131031]["question"]                        # attribute: no question text
    answers = {a["question_id"]: a for a in annotations["annotations"]}
    answers[30131024]["answers"] = []                      # attribute: no answer
    questions["questions"] = [q for q in questions["questions"] if q["question_id"] != 20045523]
    (root / QUESTIONS).write_text(json.dumps(questions))
    (root / ANNOTATIONS).write_text(json.dumps(annotations))
    (root / "Images/train2014/COCO_train2014_000000267502.jpg").unlink()   # activity and sentiment
    records, problems = read_task("tdiuc_attribute", root)
    assert records == []
    assert sorted((p.record_id, p.field) for p in problems) == [
        ("30131024", "answers"), ("30131030", "image_id"), ("30131031", "question")]
    records, problems = read_task("tdiuc_activity_recognition", root)
    assert [r.id for r in records] == ["30071031", "30071032"]
    assert [(p.record_id, p.field) for p in problems] == [("30071030", "image")]
    records, problems = read_task("tdiuc_sentiment_understanding", root)
    assert [(p.record_id, p.field) for p in problems] == [("20045523", "question_id"), ("20045530", "image")]
    assert problems[0].message == "annotation has no question"


def test_missing_or_broken_files_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "tdiuc")
    (root / ANNOTATIONS).unlink()
    (root / QUESTIONS).write_text("{not json")
    records, problems = read_task("tdiuc_color", root)
    assert records == []
    assert sorted(Path(str(p.file)).name for p in problems) == [
        "OpenEnded_mscoco_train2014_questions.json", "mscoco_train2014_annotations.json"]


def test_an_unknown_question_type_is_reported() -> None:
    context = ReadContext("tdiuc_colour", FIXTURE)
    assert list(read_tdiuc(context, FIXTURE, question_type="colour", **OPTIONS)) == []
    assert [p.field for p in context.problems] == ["question_type"]
