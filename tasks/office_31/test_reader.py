"""Office-31 through the path-label reader: ids as released, bad images and folders reported."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

CATEGORY = "office_31_image_classification_category"
BOTH = "office_31_image_classification_object_and_category"


def test_ids_and_labels_as_released(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "office_31")
    records, problems = read_task(BOTH, root)
    assert [(r.id, r.label, r.fields["domain"]) for r in records][:2] == [
        ("amazon_calculator_frame_0078.jpg", "calculator", "amazon"),
        ("amazon_letter_tray_frame_0009.jpg", "letter_tray", "amazon")]
    assert problems == []


def test_unknown_domain_short_path_and_missing_image_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "office_31")
    stray = root / "caltech" / "images" / "mug" / "frame_0001.jpg"
    stray.parent.mkdir(parents=True)
    shutil.copy(root / "dslr" / "images" / "mug" / "frame_0009.jpg", stray)
    shutil.copy(stray, root / "amazon" / "loose.jpg")
    os.symlink(root / "nowhere.jpg", root / "webcam" / "images" / "paper_notebook" / "frame_0001.jpg")
    records, problems = read_task(CATEGORY, root)
    assert len(records) == 5
    assert sorted((p.record_id, p.field) for p in problems) == [
        ("amazon/loose.jpg", "id"), ("caltech_mug_frame_0001.jpg", "label"),
        ("webcam_paper_notebook_frame_0001.jpg", "image")]
