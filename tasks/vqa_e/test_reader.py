"""The VQA-E reader: released id shape, both labels; bad entries reported, not fatal."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
ANNOTATIONS = "VQA-E_train_set.json"


def test_ids_and_labels() -> None:
    records, problems = read_task("vqa_e_visual_question_answering", FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records[:2]] == [("355487+0", "yes"), ("467799+1", "3")]
    records, problems = read_task("vqa_e_image_captioning", FIXTURE)
    assert problems == []
    assert records[0].label == "there are two people that are seated at the table talking "


def test_bad_entries_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "vqa_e")
    data = json.loads((root / ANNOTATIONS).read_text())
    data[0]["explanation"] = "just text"          # not [text, score]
    del data[1]["img_id"]
    data[2]["img_id"] = "abc"
    data.append("not an object")
    (root / ANNOTATIONS).write_text(json.dumps(data))
    (root / "train2014" / "COCO_train2014_000000000285.jpg").unlink()   # entry 4's image
    records, problems = read_task("vqa_e_visual_question_answering", root)
    assert [r.id for r in records] == ["139+3"]
    assert [(p.record_id, p.field) for p in problems] == [
        ("0", "explanation"), ("1", "img_id"), ("2", "img_id"), ("4", "image"), ("5", None)]


def test_a_missing_or_misshapen_file_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "vqa_e")
    (root / ANNOTATIONS).write_text(json.dumps({"data": []}))
    records, problems = read_task("vqa_e_image_captioning", root)
    assert records == [] and len(problems) == 1
    (root / ANNOTATIONS).unlink()
    records, problems = read_task("vqa_e_image_captioning", root)
    assert records == [] and [p.message for p in problems] == ["file is missing"]
