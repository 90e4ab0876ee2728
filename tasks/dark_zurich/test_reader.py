"""The Dark Zurich reader: the label comes from the folder; an unknown folder is reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "dark_zurich_time_classification"


def test_labels_come_from_the_folder_and_unknown_folders_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "dark_zurich")
    (root / "rgb_anon" / "train" / "dusk" / "GOPR0001").mkdir(parents=True)
    records, problems = read_task(TASK, root)
    assert [(r.id, r.label) for r in records] == [
        ("GOPR0348_frame_000120_rgb_anon", "daytime"), ("GOPR0348_frame_000144_rgb_anon", "daytime"),
        ("GOPR0356_frame_000033_rgb_anon", "nighttime"), ("GOPR0375_frame_000495_rgb_anon", "twilight")]
    assert [(p.file, p.field) for p in problems] == [("rgb_anon/train/dusk", "label")]


def test_a_missing_split_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "dark_zurich")
    (root / "rgb_anon" / "train").rename(root / "rgb_anon" / "elsewhere")
    records, problems = read_task(TASK, root)
    assert records == [] and [p.file for p in problems] == ["rgb_anon/train"]
