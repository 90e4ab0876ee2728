"""The NUS-WIDE reader: bad flags and missing images per record; misaligned files refused whole."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "nus_wide_animal_classification"
LABELS = "Groundtruth/AllLabels/Labels_animal.txt"


def test_bad_flags_and_missing_images_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "nus_wide")
    (root / "Flickr" / "actor" / "0001_2124494179.jpg").unlink()
    (root / LABELS).write_text("0\n1\n2\n1\n")
    records, problems = read_task(TASK, root)
    assert [(r.id, r.label, r.answer_index) for r in records] == [
        ("0089_1447908783", "Yes", 1), ("0007_2318824012", "Yes", 1)]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("ImageList/Imagelist.txt", "line 1", "image"),
        ("ImageList/Imagelist.txt", "line 3", "Labels_animal")]


def test_misaligned_files_are_refused(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "nus_wide")
    (root / LABELS).write_text("0\n1\n")
    records, problems = read_task(TASK, root)
    assert records == [] and [p.file for p in problems] == [LABELS]
