"""GTSRB: 10 seeded options of 43; unknown class ids, missing CSVs and images are reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "gtsrb_image_classification"
BASE = "GTSRB/Final_Training/Images"


def test_options_and_ids(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "gtsrb")
    records, problems = read_task(TASK, root)
    assert problems == []
    assert [r.id for r in records] == [
        "00000_00000", "00000/00000_00001", "00003_00012", "00035/00000_00001", "00002_00029"]
    for record in records:
        assert record.choices is not None and len(set(record.choices)) == 10
        assert record.choices[record.answer_index or 0] == record.label
    again, _ = read_task(TASK, root)
    assert [r.choices for r in again] == [r.choices for r in records]


def test_bad_rows_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "gtsrb")
    gt = root / BASE / "00035" / "GT-00035.csv"
    gt.write_text(gt.read_text().replace(";35\n", ";99\n", 1))
    (root / BASE / "00000" / "00000_00000.ppm").unlink()
    (root / BASE / "00014" / "GT-00014.csv").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["00000/00000_00001", "00002_00029"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (f"{BASE}/00014/GT-00014.csv", None, None),
        (f"{BASE}/00000/GT-00000.csv", "00000_00000", "image"),
        (f"{BASE}/00035/GT-00035.csv", "00035/00000_00001", "ClassId")]
