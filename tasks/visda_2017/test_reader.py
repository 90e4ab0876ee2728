"""VisDA-2017: category folders per split; 10 of 12 options with the true one always offered."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"


def test_options_hold_the_answer_and_ten_categories() -> None:
    records, problems = read_task("visda_2017_object_classification_validation", FIXTURE)
    assert problems == []
    assert len(records) == 10
    for record in records:
        assert record.choices is not None and record.answer_index is not None
        assert len(record.choices) == 10
        assert record.choices[record.answer_index] == record.label
    assert records[7].id == "plant/plant_20872"


def test_stem_ids_for_the_open_task() -> None:
    records, _ = read_task("visda_2017_image_classification", FIXTURE)
    assert ("src_5_6-3-1__201_349_165", "plant") in [(r.id, r.label) for r in records]


def test_too_few_categories_is_reported_per_record(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "visda_2017")
    for category in ("bus", "car", "horse"):
        shutil.rmtree(root / "validation" / category)
    records, problems = read_task("visda_2017_object_classification_validation", root)
    assert records == []
    assert len(problems) == 7
    assert {(p.file, p.field) for p in problems} == {("validation", "label")}


def test_missing_split_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "visda_2017")
    shutil.rmtree(root / "train")
    records, problems = read_task("visda_2017_object_classification_train", root)
    assert records == []
    assert [p.file for p in problems] == ["train"]
