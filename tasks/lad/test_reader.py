"""LAD reader: one record per attribute row; unknown labels, bad vectors, missing images reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "lad_object_detection_details"
FILE = "LAD_annotations/attributes.txt"


def test_bad_rows_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "lad")
    lines = (root / FILE).read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("Label_V_03", "Label_V_99")                 # unknown label
    lines[1] = lines[1].replace("[ 1", "[ 2")                              # not a 0/1 vector
    lines.append("Label_A_01, animals/leopard/ffffffffffffffffffffffffffffffff.jpg, [ 0 0 0 0 0 0 0 0 ]")
    (root / FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    records, problems = read_task(TASK, root)
    assert [(r.id, r.fields["attributes"]) for r in records] == [
        ("5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b.jpg",
         ["is big (compared to cars)", "can carry a small number (≤10) of passengers"])]
    assert {(p.record_id, p.field) for p in problems} == {
        ("line 1", "label"), ("line 2", "attributes"), ("line 4", "image")}


def test_missing_label_list_stops_with_one_problem(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "lad")
    (root / "LAD_annotations" / "label_list.txt").unlink()
    records, problems = read_task(TASK, root)
    assert records == []
    assert len(problems) == 1 and problems[0].file == "LAD_annotations/label_list.txt"
