"""VQAv2 through the generic VQA reader: released ids and targets; bad questions reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

QUESTIONS = "v2_OpenEnded_mscoco_train2014_questions.json"


def test_multiple_choice_answer_is_the_label() -> None:
    records, problems = read_task("vqav2", FIXTURE)
    assert problems == []
    assert (records[0].id, records[0].label) == ("274074001", "red and white")


def test_bad_questions_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "vqav2")
    data = json.loads((root / QUESTIONS).read_text())
    del data["questions"][1]["image_id"]
    (root / QUESTIONS).write_text(json.dumps(data))
    (root / "train2014" / "COCO_train2014_000000458752.jpg").unlink()
    records, problems = read_task("vqav2", root)
    assert [r.id for r in records] == ["274074001", "393221000"]
    assert {(p.record_id, p.field) for p in problems} == {
        ("274074002", "image_id"), ("458752001", "image")}


QIM = "vqav2_question_image_match"


def test_question_image_match_swaps_in_questions_of_other_images_only() -> None:
    own = {r.id: r for r in read_task("vqav2", FIXTURE)[0]}
    image_of = {r.fields["question"]: r.images[0] for r in own.values()}
    records, problems = read_task(QIM, FIXTURE)
    assert problems == [] and [r.id for r in records] == list(own)
    for record in records:
        assert record.choices is not None and record.answer_index is not None
        if record.answer_index == 0:
            assert record.fields["question"] == own[record.id].fields["question"]
        else:
            assert image_of[record.fields["question"]] != record.images[0]
    assert {r.answer_index for r in records} == {0, 1}
    assert read_task(QIM, FIXTURE)[0] == records  # seeded per question


def test_question_image_match_reports_bad_questions(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "vqav2")
    data = json.loads((root / QUESTIONS).read_text())
    del data["questions"][1]["image_id"]
    (root / QUESTIONS).write_text(json.dumps(data))
    (root / "train2014" / "COCO_train2014_000000458752.jpg").unlink()
    records, problems = read_task(QIM, root)
    assert {(p.record_id, p.field) for p in problems} == {("274074002", "image_id"), ("458752001", "image")}
    assert [r.id for r in records] == ["274074001", "393221000"]
