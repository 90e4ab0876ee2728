"""The VizWiz readers (VQA, captions, image quality): answers as released, bad rows reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "vizwiz_question_answer"
FILE = "Annotations/train.json"


def test_options_and_majority_answer() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [r.id for r in records] == ["0", "1", "3", "4"]  # 2 has one distinct answer
    beans = records[0]
    assert beans.choices is not None and len(beans.choices) == 5
    assert beans.label == "bushs reduced sodium dark red kidney beans"
    assert records[3].label == "20"  # a 4-4 tie goes to the answer given first


def test_bad_rows_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "vizwiz")
    data = json.loads((root / FILE).read_text())
    data[0]["answers"][3] = "not an object"
    del data[1]["question"]
    (root / FILE).write_text(json.dumps(data))
    (root / "train" / "VizWiz_train_00009408.jpg").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["3"]
    assert {(p.record_id, p.field) for p in problems} == {
        ("0", "answers"), ("1", "question"), ("4", "image")}


CAPTIONS = "annotations/train.json"
QUALITY = "image_quality/train.json"


def test_captions_drop_rejected_and_precanned_ones() -> None:
    records, problems = read_task("vizwiz_image_captioning", FIXTURE)
    assert problems == []
    assert [r.id for r in records] == [  # 9405 has nothing but rejected or pre-canned captions
        "VizWiz_train_00010575.jpg", "VizWiz_train_00009403.jpg", "VizWiz_train_00009404.jpg"]
    assert [len(r.label) for r in records] == [4, 4, 5]


def test_bad_captions_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "vizwiz")
    data = json.loads((root / CAPTIONS).read_text())
    del data["annotations"][0]["image_id"]
    del data["images"][2]["file_name"]
    (root / CAPTIONS).write_text(json.dumps(data))
    (root / "train" / "VizWiz_train_00009403.jpg").unlink()
    records, problems = read_task("vizwiz_image_captioning", root)
    assert [(r.id, len(r.label)) for r in records] == [("VizWiz_train_00010575.jpg", 3)]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (CAPTIONS, "#0", "annotations"), (CAPTIONS, "VizWiz_train_00009403.jpg", "image"),
        (CAPTIONS, "#2", "file_name")]


def test_quality_takes_the_first_most_voted_flaw() -> None:
    records, problems = read_task("vizwiz_image_quality", FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records] == [
        ("1", "bad framing"), ("2", "no flaws"), ("3", "rotation"), ("4", "blur")]  # 4: a 3-3 tie
    assert all(r.choices is not None and len(r.choices) == 8 for r in records)


def test_bad_quality_rows_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "vizwiz")
    data = json.loads((root / QUALITY).read_text())
    data[0]["flaws"] = {code: 0 for code in data[0]["flaws"]}
    data[1]["flaws"]["UNR"] = 9
    data[2]["flaws"] = "FRM"
    (root / QUALITY).write_text(json.dumps(data))
    (root / "train" / "VizWiz_train_00009405.jpg").unlink()
    records, problems = read_task("vizwiz_image_quality", root)
    assert records == []
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (QUALITY, "1", "flaws"), (QUALITY, "2", "flaws"), (QUALITY, "3", "flaws"), (QUALITY, "4", "image")]
