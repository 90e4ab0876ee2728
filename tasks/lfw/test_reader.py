"""The LFW reader: stem ids; a file not named after its folder is reported, not read."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"


def test_misnamed_files_are_reported_and_ids_are_stems(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "lfw")
    folder = root / "lfw" / "Pete_Sampras"
    shutil.copy(folder / "Pete_Sampras_0007.jpg", folder / "Pete_Sampras_copy.jpg")
    records, problems = read_task("lfw_face_recognition", root)
    assert [r.id for r in records] == ["Aaron_Eckhart_0001", "Jean-Pierre_Raffarin_0001",
                                       "Pete_Sampras_0007", "Pete_Sampras_0009"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("lfw/Pete_Sampras/Pete_Sampras_copy.jpg", "Pete_Sampras_copy", "image")]
