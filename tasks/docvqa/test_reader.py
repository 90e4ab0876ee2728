"""The DocVQA reader: both packagings, answers list as label, bad entries reported by questionId."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

from .make_fixture import write_packaging

FIXTURE = Path(__file__).parent / "fixture"

TASK = "docvqa_question_answer"
FILE = "spdocvqa_qas/train_v1.0_withQT.json"
IDS = ["qjyg0023_4.png-49153", "qjyg0023_4.png-49154", "jhnm0081_2.png-20385",
       "xnbl0037_1.png-337", "kggn0226_28.png-28528"]


def test_ids_are_unique_per_question() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [r.id for r in records] == IDS
    assert records[0].images == ("spdocvqa_images/qjyg0023_4.png",)
    numbered, _ = read_task("docvqa_single_document_question", FIXTURE)
    assert numbered[-1].id == "28528"


def test_older_packaging_is_read_when_the_current_one_is_absent(tmp_path: Path) -> None:
    write_packaging(tmp_path / "train" / "train_v1.0.json", tmp_path / "train" / "documents")
    records, problems = read_task(TASK, tmp_path)
    assert problems == [] and [r.id for r in records] == IDS
    assert records[0].images == ("train/documents/qjyg0023_4.png",)


def test_missing_annotations_name_both_packagings(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "docvqa")
    shutil.rmtree(root / "spdocvqa_qas")
    records, problems = read_task(TASK, root)
    assert records == [] and len(problems) == 1
    assert "spdocvqa_qas/train_v1.0_withQT.json" in problems[0].message
    assert "train/train_v1.0.json" in problems[0].message


def test_bad_entries_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "docvqa")
    data = json.loads((root / FILE).read_text())
    data["data"][0]["answers"] = []
    del data["data"][1]["questionId"]
    (root / FILE).write_text(json.dumps(data))
    (root / "spdocvqa_images" / "xnbl0037_1.png").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["jhnm0081_2.png-20385", "kggn0226_28.png-28528"]
    assert {(p.record_id, p.field) for p in problems} == {
        ("49153", "answers"), ("#1", "questionId"), ("337", "image")}


def test_unreadable_file_is_one_problem(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "docvqa")
    (root / FILE).write_text("{not json")
    records, problems = read_task(TASK, root)
    assert records == [] and len(problems) == 1 and problems[0].file == FILE
