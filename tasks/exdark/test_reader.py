"""The ExDark reader: stem ids; unknown class folders and repeated names are reported."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"


def test_unknown_classes_and_repeated_names_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "exdark")
    base = root / "ExDark"
    (base / "Ghost").mkdir()
    shutil.copy(base / "Cup" / "2015_05421.png", base / "Ghost" / "2015_09999.png")
    shutil.copy(base / "Cup" / "2015_05421.png", base / "People" / "2015_05421.jpg")
    records, problems = read_task("exdark_object_recognition", root)
    assert [(r.id, r.label) for r in records] == [
        ("2015_00252", "Bicycle"), ("2015_00705", "Boat"), ("2015_05421", "Cup"), ("2015_06189", "People")]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("ExDark/Ghost/2015_09999.png", "2015_09999", "label"),
        ("ExDark/People/2015_05421.jpg", "2015_05421", "image")]
