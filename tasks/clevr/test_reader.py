"""CLEVR v1.0 reads through CLEVR-CoGenT's reader: released question order, bad data reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
QUESTIONS = "CLEVR_v1.0/questions/CLEVR_train_questions.json"


def test_multi_question_record_is_the_released_sample_in_file_order() -> None:
    records, problems = read_task("clevr_multiple_question_answering", FIXTURE)
    assert problems == []
    sample = next(r for r in records if r.id == "CLEVR_train_025724.png")
    assert sample.label == ["cylinder", "0", "no", "2", "0", "yellow", "no", "small", "yes"]


def test_missing_image_and_bad_question_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "clevr")
    data = json.loads((root / QUESTIONS).read_text())
    data["questions"][0]["question"] = None
    (root / QUESTIONS).write_text(json.dumps(data))
    (root / "CLEVR_v1.0" / "images" / "train" / "CLEVR_train_069795.png").unlink()
    records, problems = read_task("clevr_question_answering", root)
    assert {(p.record_id, p.field) for p in problems} == {
        ("CLEVR_train_017782.png", "question"), ("CLEVR_train_069795.png", "image")}
    assert len(records) == 3
