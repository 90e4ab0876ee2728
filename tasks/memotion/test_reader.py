"""MEMOTION: multi-line cells stay whole; empty text, missing images and broken CSV are reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "memotion_sentiment_detection"
LABELS = "memotion_dataset_7k/labels.csv"


def test_multi_line_cell_is_one_target(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "memotion")
    records, problems = read_task(TASK, root)
    assert problems == []
    assert records[1].id == "image_2.jpeg"
    assert records[1].label.startswith("The best of #10 YearChallenge! Completed in less")


def test_bad_rows_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "memotion")
    labels = root / LABELS
    cell = "Sam Thorne @Strippin ( Follow ) Follow Everyone is Taking the #10yearchallenge"
    labels.write_text(labels.read_text().replace(f"image_3.JPG,{cell},", "image_3.JPG,  ,", 1))
    (root / "memotion_dataset_7k" / "images" / "image_1.jpg").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["image_2.jpeg", "image_5624.jpg", "image_6991.png"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (LABELS, "line 2", "image"), (LABELS, "line 5", "text_ocr")]


def test_undecodable_file_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "memotion")
    (root / LABELS).write_bytes(b"image_name,text_ocr\nimage_1.jpg,caf\xe9\n")
    records, problems = read_task(TASK, root)
    assert records == []
    assert [p.file for p in problems] == [LABELS]
