"""DeepFashion through the path-label reader: released id shape; a missing image is reported."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "deepfashion_cloth_classification"


def test_ids_and_titles(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "deepfashion")
    records, problems = read_task(TASK, root)
    assert problems == []
    assert (records[0].id, records[0].label) == (
        "Abstract_Mirrored_Print_Dress-img_00000061.jpg", "Abstract Mirrored Print Dress")


def test_broken_image_and_missing_folder_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "deepfashion")
    (root / "img_highres" / "Tribal_Pattern_Cardigan" / "img_00000015.jpg").symlink_to(root / "gone.jpg")
    records, problems = read_task(TASK, root)
    assert len(records) == 5
    assert [(p.record_id, p.field) for p in problems] == [
        ("Tribal_Pattern_Cardigan-img_00000015.jpg", "image")]
    shutil.rmtree(root / "img_highres")
    records, problems = read_task(TASK, root)
    assert records == []
    assert [p.file for p in problems] == ["img_highres"]
