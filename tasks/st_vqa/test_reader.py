"""The ST-VQA reader: image-keyed ids (first question), every question on request, bad data reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import copy_fixture, read_task

from .reader import read_st_vqa

FIXTURE = Path(__file__).parent / "fixture"
TASK = "st_vqa_image_question_answer"
SAMPLE = "COCO_train2014_000000430692.jpg"


def test_first_question_per_image_under_the_released_id() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [r.id for r in records] == [SAMPLE, "2345678.jpg", "img_118.jpg", "n03196217_1174.JPEG"]
    assert records[0].fields["question"] == "what is written on the note book"
    every = list(read_st_vqa(ReadContext(TASK, FIXTURE), FIXTURE, record_id="image_question"))
    assert [r.id for r in every][:2] == [f"{SAMPLE}-1", f"{SAMPLE}-2"]


def test_bad_entries_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "st_vqa")
    data = json.loads((root / "train_task_3.json").read_text())
    data["data"][2]["answers"] = []
    del data["data"][3]["file_path"]
    (root / "train_task_3.json").write_text(json.dumps(data))
    (root / "train_images" / "imageNet" / "n03196217_1174.JPEG").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == [SAMPLE]
    assert {(p.record_id, p.field) for p in problems} == {
        ("3", "answers"), ("4", "file_path"), ("5", "image")}
