"""The ObjectNet reader reports unmapped folders and a broken mapping; ids are the image stems."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "objectnet_object_classfication"
MAPPING = "mappings/folder_to_objectnet_label.json"


def test_ids_are_stems_and_labels_come_from_the_mapping(tmp_path: Path) -> None:
    records, problems = read_task(TASK, copy_fixture(FIXTURE, tmp_path, "objectnet"))
    assert problems == []
    assert [(r.id, r.label) for r in records][:2] == [("0a1b2c3d4e5f607", "Flashlight"),
                                                      ("62b95cae1e80473", "Flashlight")]


def test_an_unmapped_folder_is_reported_per_image(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "objectnet")
    stray = root / "images" / "mystery" / "abc.png"
    stray.parent.mkdir()
    stray.write_bytes((root / "images" / "flashlight" / "62b95cae1e80473.png").read_bytes())
    records, problems = read_task(TASK, root)
    assert len(records) == 4
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("images", "images/mystery/abc.png", "label")]


def test_an_undecodable_or_missing_mapping_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "objectnet")
    (root / MAPPING).write_bytes(b"{not json")
    records, problems = read_task(TASK, root)
    assert records == [] and [p.file for p in problems] == [MAPPING]
    (root / MAPPING).unlink()
    records, problems = read_task(TASK, root)
    assert records == [] and [p.file for p in problems] == [MAPPING]
