"""Sketch (TU-Berlin) through the path-label reader: ids as released, unknown categories reported."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

LIVING = "sketch_living_organism_detection"


def test_living_labels_and_ids(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "sketch")
    records, problems = read_task(LIVING, root)
    assert [(r.id, r.label) for r in records] == [
        ("airplane+17.png", "Non-Living"), ("cow+4791.png", "Living"), ("flying bird+6902.png", "Living"),
        ("hand+7850.png", "Living"), ("microphone+10365.png", "Non-Living")]
    assert problems == []


def test_unknown_category_and_missing_folder_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "sketch")
    (root / "png" / "unicorn").mkdir()
    shutil.copy(root / "png" / "cow" / "4791.png", root / "png" / "unicorn" / "20001.png")
    records, problems = read_task(LIVING, root)
    assert len(records) == 5
    assert [(p.file, p.record_id, p.field) for p in problems] == [("png", "unicorn+20001.png", "label")]
    shutil.rmtree(root / "png")
    records, problems = read_task(LIVING, root)
    assert records == [] and problems[0].file == "png"
