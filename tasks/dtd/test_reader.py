"""DTD: released id shapes for both tasks; bad joint-annotation lines and missing images are reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
JOINT = "dtd_all_texture_detection"
COARSE = "dtd_coarse_grained_texture_classification"


def test_ids_and_labels_follow_the_release(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "dtd")
    records, problems = read_task(COARSE, root)
    assert problems == []
    assert ("cracked+cracked/cracked_0094.jpg", "cracked") in [(r.id, r.label) for r in records]
    records, problems = read_task(JOINT, root)
    assert problems == []
    assert [(r.id, r.label) for r in records][:2] == [
        ("banded/banded_0002.jpg", "banded, striped"), ("cracked/cracked_0094.jpg", "cracked")]


def test_bad_lines_and_missing_images_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "dtd")
    anno = root / "dtd" / "labels" / "labels_joint_anno.txt"
    lines = anno.read_text().splitlines()
    lines[1] = "cracked_0094.jpg cracked "          # no class folder in the path
    lines[2] = "dotted/dotted_0161.jpg "             # no label
    anno.write_text("\n".join(lines) + "\n")
    (root / "dtd" / "images" / "porous" / "porous_0100.jpg").unlink()
    records, problems = read_task(JOINT, root)
    assert [r.id for r in records] == ["banded/banded_0002.jpg", "porous/porous_0113.jpg"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("dtd/labels/labels_joint_anno.txt", "line 2", "image"),
        ("dtd/labels/labels_joint_anno.txt", "line 3", "labels"),
        ("dtd/labels/labels_joint_anno.txt", "line 4", "image")]
    assert all(p.task_id == JOINT for p in problems)


def test_missing_annotation_file_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "dtd")
    (root / "dtd" / "labels" / "labels_joint_anno.txt").unlink()
    records, problems = read_task(JOINT, root)
    assert records == []
    assert [p.file for p in problems] == ["dtd/labels/labels_joint_anno.txt"]
