"""Road Anomaly: the danger named from the frame; bad list entries and missing frames reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

from .reader import danger_name

FIXTURE = Path(__file__).parent / "fixture"
TASK = "road_anomaly_anomaly_detection"


def test_danger_name_drops_the_number_and_what_follows() -> None:
    assert danger_name("lost_tires08") == "lost tires"
    assert danger_name("animals06_sheep_roads_lambs") == "animals"
    assert danger_name("07") == ""


def test_bad_entries_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "road_anomaly")
    names = json.loads((root / "frame_list.json").read_text())
    (root / "frames" / names[1]).unlink()
    names[2:2] = [17, "0042.jpg"]
    (root / "frame_list.json").write_text(json.dumps(names))
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["animals06_sheep_roads_lambs", "lost_tires08", "zebra01"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("frame_list.json", "1", "image"), ("frame_list.json", "2", "image"),
        ("frame_list.json", "3", "label")]


def test_undecodable_frame_list_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "road_anomaly")
    (root / "frame_list.json").write_text("[\"lost_tires08.jpg\",")
    records, problems = read_task(TASK, root)
    assert records == []
    assert [p.file for p in problems] == ["frame_list.json"]
