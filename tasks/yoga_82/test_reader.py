"""The Yoga-82 reader reports dead downloads and bad lines, and keeps ids unique."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.errors import Problem
from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "yoga_82_yoga_pose_recognition"


def _read(root: Path) -> tuple[list[str], list[Problem]]:
    records, problems = read_task(TASK, root)
    return [r.id for r in records], problems


def test_missing_images_and_bad_lines_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "yoga_82")
    (root / "images" / "Akarna_Dhanurasana" / "3.jpg").unlink()  # a dead link: never downloaded
    with (root / "yoga_train.txt").open("a") as out:
        out.write("no_folder.jpg,1,2,3\n")
    ids, problems = _read(root)
    assert ids == ["3996955946_6bdcf63414_z", "utthita-trikonasana-pose-yoga_22", "warrior-one"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("yoga_train.txt", "Akarna_Dhanurasana/3.jpg", "image"),
        ("yoga_train.txt", "no_folder.jpg", "path"),
    ]


def test_ids_fall_back_to_the_list_path(tmp_path: Path) -> None:
    """A URL stem already used, or no link at all, gives the list path as the id."""
    root = copy_fixture(FIXTURE, tmp_path, "yoga_82")
    links = root / "yoga_dataset_links" / "Akarna_Dhanurasana.txt"
    used = "utthita-trikonasana-pose-yoga_22"
    links.write_text(links.read_text().replace("akarna-dhanurasana", used))
    (root / "yoga_dataset_links" / "Warrior_I_Pose_or_Virabhadrasana_I_.txt").unlink()
    ids, problems = _read(root)
    assert ids[2:] == ["Akarna_Dhanurasana/3", "Warrior_I_Pose_or_Virabhadrasana_I_/7"]
    assert problems == []
