"""FlickrLogos-27: box lines merge per image; short lines and missing images are reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "flickr_logos_27_logo_detection"
BASE = "flickr_logos_27_dataset"
TRAINING = f"{BASE}/flickr_logos_27_dataset_training_set_annotation.txt"


def test_bad_entries_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "flickr_logos_27")
    annotation = root / TRAINING
    annotation.write_text(annotation.read_text() + "3324939734.jpg Mini 2 1 1 9 9\nlonely.jpg\n")
    (root / BASE / "flickr_logos_27_dataset_images" / "144503924.jpg").unlink()
    records, problems = read_task(TASK, root)
    assert [(r.id, r.label) for r in records] == [
        ("3324939734", "Ford and Mini"), ("4763210295", "Adidas"), ("2662264721", "RedBull")]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (TRAINING, "line 7", "class"), (TRAINING, "144503924.jpg", "image")]


def test_query_set_leaves_out_none(tmp_path: Path) -> None:
    from visionflan_core.reader_kit import ReadContext

    from .reader import read_flickr_logos

    root = copy_fixture(FIXTURE, tmp_path, "flickr_logos_27")
    context = ReadContext(TASK, root)
    records = list(read_flickr_logos(
        context, root, annotations=[f"{BASE}/flickr_logos_27_dataset_query_set_annotation.txt"]))
    assert [(r.id, r.label) for r in records] == [("401253895", "BMW")]
    assert context.problems == []
