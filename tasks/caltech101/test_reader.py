"""The Caltech101 reader keys images by class and file, and reports classes the Yes/No map lacks."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"


def test_ids_repeat_file_names_but_stay_unique() -> None:
    records, problems = read_task("caltech101_image_classification", FIXTURE)
    assert problems == []
    assert [r.id for r in records][:2] == ["BACKGROUND_Google_image_0001", "Faces_easy_image_0001"]


def test_living_thing_answers_and_an_unmapped_class(tmp_path: Path) -> None:
    records, problems = read_task("caltech101_living_thing_classification", FIXTURE)
    assert problems == []
    assert {r.id: r.label for r in records}["hedgehog_image_0042"] == "Yes"
    assert {r.id: r.label for r in records}["garfield_image_0018"] == "No"
    root = copy_fixture(FIXTURE, tmp_path, "caltech101")
    shutil.copytree(root / "101_ObjectCategories" / "garfield", root / "101_ObjectCategories" / "odie")
    records, problems = read_task("caltech101_living_thing_classification", root)
    assert len(records) == 5
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("101_ObjectCategories/odie/image_0018.jpg", "odie/image_0018", "label")]
