"""The Places365 reader names scenes from the category list and reports lines it cannot use."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "places365_image_classification"


def test_ids_and_scenes() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records][1:3] == [
        ("airplane_cabin_00000001.jpg", "airplane cabin"),
        ("apartment_building_outdoor_00000007.jpg", "apartment building outdoor")]


def test_bad_lines_and_missing_image(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "places365")
    (root / "data_256" / "p" / "plaza" / "00000712.jpg").unlink()
    with (root / "places365_train_standard.txt").open("a") as out:
        out.write("/a/airfield/00000002.jpg 9\n/a/airfield/00000003.jpg 1\n/a/airfield/00000004.jpg\n")
    records, problems = read_task(TASK, root)
    assert len(records) == 4
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("places365_train_standard.txt", "line 5", "image"),
        ("places365_train_standard.txt", "line 6", "label"),
        ("places365_train_standard.txt", "line 7", "label"),
        ("places365_train_standard.txt", "line 8", "line"),
    ]
