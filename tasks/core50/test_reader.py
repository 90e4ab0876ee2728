"""The CORe50 reader: category from the object number; misfiled frames and unknown objects reported."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"


def test_categories_follow_object_numbers_and_bad_frames_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "core50")
    base = root / "core50_350x350"
    shutil.copy(base / "s9" / "o41" / "C_09_41_288.png", base / "s1" / "o1" / "C_09_41_288.png")
    (base / "s9" / "o51").mkdir()
    shutil.copy(base / "s9" / "o41" / "C_09_41_288.png", base / "s9" / "o51" / "C_09_51_000.png")
    records, problems = read_task("core50_object_detection", root)
    assert [(r.id, r.label) for r in records] == [
        ("C_01_01_000", "plug adapter"), ("C_01_06_017", "mobile phone"), ("C_09_41_288", "cup"),
        ("C_09_41_289", "cup"), ("C_09_50_003", "remote control")]
    assert [(p.record_id, p.field) for p in problems] == [
        ("s1/o1/C_09_41_288.png", "image"), ("s9/o51/C_09_51_000.png", "label")]
