"""PACS uses the generic class-folder reader: only the art_painting domain, unique ids."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "pacs_art_painting_object_classification"


def test_repeated_file_names_stay_unique_and_strays_are_ignored(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "pacs")
    (root / "kfold" / "art_painting" / "dog" / "Thumbs.db").write_text("not an image")
    records, problems = read_task(TASK, root)
    assert [(r.id, r.label) for r in records] == [
        ("dog/pic_243", "dog"), ("guitar/pic_102", "guitar"), ("horse/pic_243", "horse"),
        ("person/pic_418", "person")]
    assert problems == []


def test_missing_domain_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "pacs")
    shutil.rmtree(root / "kfold" / "art_painting")
    records, problems = read_task(TASK, root)
    assert records == []
    assert problems[0].file == "kfold/art_painting"
