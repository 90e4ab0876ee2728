"""The aYahoo reader keeps one record per image and reports bad lines, clashes and missing images."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "ayahoo_test_images_animal_object_vehicle_image_classification"


def test_one_record_per_image() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records] == [
        ("building_759", "building"), ("zebra_3", "zebra"), ("bag_12", "bag"), ("jetski_101", "jetski"),
        ("centaur_7", "centaur")]


def test_bad_line_class_clash_and_missing_image(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "ayahoo_test_images")
    (root / "ayahoo_test_images" / "zebra_3.jpg").unlink()
    listing = root / "attribute_data" / "ayahoo_test.txt"
    text = listing.read_text().replace("bag_12.jpg bag 5", "bag_12.jpg mug 5")
    listing.write_text(text + "goat_1.jpg goat 1 2 3\n")
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["building_759", "jetski_101", "centaur_7"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("attribute_data/ayahoo_test.txt", "goat_1.jpg", "line"),
        ("attribute_data/ayahoo_test.txt", "zebra_3.jpg", "image"),
        ("attribute_data/ayahoo_test.txt", "bag_12.jpg", "class"),
    ]
