"""The VQA-RAD reader: ids, numeric answers as text; bad entries reported, not fatal."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
ANNOTATIONS = "VQA_RAD Dataset Public.json"


def test_ids_and_answers() -> None:
    records, problems = read_task("vqa_rad_question_answer", FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records[::3]] == [
        ("synpic40272.jpg+11", "Yes"), ("synpic40272.jpg+27", "2")]
    assert records[0].images == ("VQA_RAD Image Folder/synpic40272.jpg",)


def test_bad_entries_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "vqa_rad")
    data = json.loads((root / ANNOTATIONS).read_text())
    data[0]["answer"] = None
    data[1]["image_name"] = "../synpic54610.jpg"
    data[2]["answer"] = ["Left", "frontal"]
    data[3]["answer"] = 2.0
    del data[4]["qid"]
    data.append(7)
    (root / ANNOTATIONS).write_text(json.dumps(data))
    records, problems = read_task("vqa_rad_question_answer", root)
    assert [(r.id, r.label) for r in records] == [("synpic40272.jpg+27", "2")]
    assert [(p.record_id, p.field) for p in problems] == [
        ("0", "answer"), ("1", "image_name"), ("2", "answer"), ("4", "qid"), ("5", None)]


def test_a_missing_image_or_file_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "vqa_rad")
    (root / "VQA_RAD Image Folder" / "synpic54610.jpg").unlink()
    records, problems = read_task("vqa_rad_question_answer", root)
    assert len(records) == 3
    assert [(p.record_id, p.field) for p in problems] == [("1", "image"), ("2", "image")]
    (root / ANNOTATIONS).unlink()
    records, problems = read_task("vqa_rad_question_answer", root)
    assert records == [] and [p.message for p in problems] == ["file is missing"]
