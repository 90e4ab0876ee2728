"""CAT2000 through the path-label reader: category from the first folder, repeated stems widened."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "cat2000_image_classification"


def test_categories_ids_and_a_missing_image(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "cat2000")
    (root / "trainSet" / "Stimuli" / "Noisy").mkdir()
    os.symlink(root / "nowhere.jpg", root / "trainSet" / "Stimuli" / "Noisy" / "003.jpg")
    records, problems = read_task(TASK, root)
    assert [(r.id, r.label) for r in records] == [
        ("001", "Action"), ("021", "LowResolution"), ("Object/199", "Object"), ("Satelite/199", "Satelite")]
    assert [(p.record_id, p.field) for p in problems] == [("003", "image")]


def test_missing_stimuli_folder_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "cat2000")
    shutil.rmtree(root / "trainSet" / "Stimuli")
    records, problems = read_task(TASK, root)
    assert records == [] and problems[0].file == "trainSet/Stimuli"
