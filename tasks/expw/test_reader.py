"""The ExpW reader: ids are line indexes; short lines, unknown codes and missing photos reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
LIST = "label/label.lst"


def test_bad_lines_and_missing_photos_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "expw")
    (root / "image" / "origin" / "angry_actor_104.jpg").unlink()
    with (root / LIST).open("a") as out:
        out.write("calm_teacher_33.jpg 1 4 3 15 20 61.5 9\ncalm_teacher_33.jpg 2 4 3\n")
    records, problems = read_task("expw_expression_detection", root)
    assert [(r.id, r.label) for r in records] == [
        ("1", "happiness"), ("2", "surprise"), ("3", "sadness"), ("4", "neutrality")]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (LIST, "0", "image"), (LIST, "5", "expression_label"), (LIST, "6", "expression_label")]
