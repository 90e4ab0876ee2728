"""Office-Home through the path-label reader: repeated stems widen, bad images reported."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "office_home_image_classification"


def test_repeated_stems_widen_and_a_missing_image_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "office_home")
    data = root / "OfficeHomeDataset_10072016"
    os.symlink(root / "nowhere.jpg", data / "Product" / "Alarm_Clock" / "00002.jpg")
    records, problems = read_task(TASK, root)
    assert [(r.id, r.label) for r in records] == [
        ("Art/Shelf/00015", "Shelf"), ("00003", "TV"), ("Clipart/Shelf/00015", "Shelf"),
        ("00001", "Alarm Clock"), ("00042", "Laptop")]
    assert [(p.record_id, p.field) for p in problems] == [("00002", "image")]


def test_missing_image_folder_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "office_home")
    shutil.rmtree(root / "OfficeHomeDataset_10072016")
    records, problems = read_task(TASK, root)
    assert records == [] and problems[0].file == "OfficeHomeDataset_10072016"
