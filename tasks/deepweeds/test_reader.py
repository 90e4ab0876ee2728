"""DeepWeeds uses the generic label-list reader: a missing image or a short row is reported, not fatal."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "deepweeds_weed_species_recognition"


def test_missing_images_and_short_rows_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "deepweeds")
    (root / "images" / "20170610-123859-1.jpg").unlink()
    with (root / "labels" / "labels.csv").open("a") as out:
        out.write("20170101-000000-0.jpg,3\n")
    records, problems = read_task(TASK, root)
    assert [(r.id, r.label) for r in records] == [
        ("20170811-124834-1", "Chinee apple"), ("20170207-154924-0", "Snake weed"),
        ("20180119-105722-1", "Negative")]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("labels/labels.csv", "line 3", "image"), ("labels/labels.csv", "line 6", "Species")]


def test_a_missing_label_file_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "deepweeds")
    (root / "labels" / "labels.csv").unlink()
    records, problems = read_task(TASK, root)
    assert records == [] and [p.file for p in problems] == ["labels/labels.csv"]
