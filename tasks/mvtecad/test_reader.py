"""MVTec AD: masks and defect-free test images stay out; short ids widen only where they repeat."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
ANOMALY = "mvtecad_anomaly_detection"
OBJECT = "mvtecad_image_classification"


def test_anomaly_task_reads_defects_of_test_only(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "mvtecad")
    records, problems = read_task(ANOMALY, root)
    assert problems == []
    assert [(r.id, r.label) for r in records] == [
        ("broken_large/000", "broken large"), ("color/001", "color"), ("002", "crack"),
        ("combined/000", "combined")]
    records, problems = read_task(OBJECT, root)
    assert problems == []
    assert not any("ground_truth" in r.images[0] for r in records)
    assert ("187", "pill") in [(r.id, r.label) for r in records]


def test_broken_image_link_and_short_path_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "mvtecad")
    (root / "pill" / "test" / "crack" / "003.png").symlink_to(root / "nowhere.png")
    shutil.copy(root / "pill" / "train" / "good" / "187.png", root / "stray.png")
    records, problems = read_task(ANOMALY, root)
    assert len(records) == 4
    assert [(p.record_id, p.field) for p in problems] == [("stray.png", "label"), ("003", "image")]
    records, problems = read_task(OBJECT, root)
    assert len(records) == 7
    assert [(p.record_id, p.field) for p in problems] == [("003", "image")]
