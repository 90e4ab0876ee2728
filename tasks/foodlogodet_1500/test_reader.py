"""FoodLogoDet-1500: VOC names become the label; bad XML, empty objects, missing files reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "foodlogodet_1500_food_logo_recognition"


def test_bad_entries_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "foodlogodet_1500")
    (root / "Annotations" / "000017.xml").write_text("<annotation><object><name>Oreo</name>")
    (root / "Annotations" / "008582.xml").write_text("<annotation><filename>x.jpg</filename></annotation>")
    (root / "JPEGImages" / "051234.jpg").unlink()
    (root / "ImageSets" / "Main" / "val.txt").write_text("009808\n777777\n")
    records, problems = read_task(TASK, root)
    assert [(r.id, r.label) for r in records] == [("009808", "Del Monte")]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("ImageSets/Main/train.txt", "000017", "annotation"), ("ImageSets/Main/train.txt", "008582", "name"),
        ("ImageSets/Main/val.txt", "777777", "annotation"), ("ImageSets/Main/test.txt", "051234", "image")]


def test_missing_split_list_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "foodlogodet_1500")
    (root / "ImageSets" / "Main" / "test.txt").unlink()
    records, problems = read_task(TASK, root)
    assert len(records) == 3
    assert [p.file for p in problems] == ["ImageSets/Main/test.txt"]
