"""The JHU-CROWD++ reader: bad lines, missing images and repeated ids are reported per record."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"


def test_bad_lines_missing_images_and_repeated_ids_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "jhu_crowd")
    (root / "train" / "images" / "0002.jpg").unlink()
    with (root / "val" / "image_labels.txt").open("a") as out:
        out.write("0999,4\n4112,10,stadium,0,0\n")
    records, problems = read_task("jhu_crowd_scene_type_recognition", root)
    assert [(r.id, r.label) for r in records] == [("4112", "stadium"), ("0311", "water park"),
                                                  ("1203", "protest")]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("train/image_labels.txt", "line 1", "image"), ("val/image_labels.txt", "line 2", "scene"),
        ("val/image_labels.txt", "line 3", "id")]
