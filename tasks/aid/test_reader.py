"""The AID reader uses file stems as ids and reports a stem seen in two folders."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "aid_aerial_scene_classification"


def test_ids_and_scenes() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert ("airport_78", "Airport") in [(r.id, r.label) for r in records]


def test_repeated_stem_and_missing_folder_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "aid")
    shutil.copy(root / "AID" / "Airport" / "airport_78.jpg", root / "AID" / "Beach" / "airport_78.jpg")
    records, problems = read_task(TASK, root)
    assert len(records) == 4
    assert [(p.file, p.record_id, p.field) for p in problems] == [("AID", "Beach/airport_78", "image")]
    shutil.rmtree(root / "AID")
    records, problems = read_task(TASK, root)
    assert records == [] and [p.file for p in problems] == ["AID"]
