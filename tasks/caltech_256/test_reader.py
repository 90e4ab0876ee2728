"""The Caltech-256 reader strips the category number and reports folders it cannot parse."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "caltech_256_image_classification"


def test_names_and_ids() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records][:2] == [("002_0001", "american-flag"), ("043_0068", "coin")]


def test_unnumbered_folder_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "caltech_256")
    (root / "256_ObjectCategories" / "257.clutter").rename(root / "256_ObjectCategories" / "clutter")
    records, problems = read_task(TASK, root)
    assert len(records) == 4
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("256_ObjectCategories", "clutter/257_0003", "label")]
