"""The 300-W reader: stem ids, class from the folder, an unknown folder reported once."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "ibug_300w_human_portrait_classification"


def test_ids_are_stems_and_an_unknown_folder_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "ibug_300w")
    shutil.copytree(root / "01_Indoor", root / "03_Studio")
    records, problems = read_task(TASK, root)
    assert [(r.id, r.label) for r in records] == [
        ("indoor_001", "Indoor"), ("indoor_017", "Indoor"), ("outdoor_184", "Outdoor"),
        ("outdoor_300", "Outdoor")]
    assert [(p.file, p.field) for p in problems] == [("03_Studio", "label")]

