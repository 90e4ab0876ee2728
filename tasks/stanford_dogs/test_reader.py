"""The Stanford Dogs reader names breeds from folders and reports folders it cannot parse."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "stanford_dogs_dog_classification"


def test_breeds_and_ids() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert {r.id: r.label for r in records}["n02091032_135.jpg"] == "Italian greyhound"
    assert {r.label for r in records} >= {"Shih-Tzu", "basenji"}


def test_unparsable_folder_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "stanford_dogs")
    (root / "Images" / "n02110806-basenji").rename(root / "Images" / "basenji")
    records, problems = read_task(TASK, root)
    assert len(records) == 4
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("Images", "basenji/n02110806_1013", "label")]
