"""Set5: every version folder is read, the subject comes from the file name, strays are left out."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "set5_image_recognition"


def test_versions_and_subjects() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records][:3] == [
        ("GTmod12/baby", "baby"), ("GTmod12/bird", "bird"), ("GTmod12/butterfly", "butterfly")]
    assert ("LRbicx3/bird", "bird") in [(r.id, r.label) for r in records]


def test_unknown_files_are_skipped_and_a_missing_folder_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "set5")
    shutil.copy(root / "Set5" / "GTmod12" / "bird.png", root / "Set5" / "GTmod12" / "bird_SRF_3.png")
    records, problems = read_task(TASK, root)
    assert len(records) == 8 and problems == []
    shutil.rmtree(root / "Set5")
    records, problems = read_task(TASK, root)
    assert records == []
    assert [p.file for p in problems] == ["Set5"]
