"""Total-Text reader: wrapped entries joined, ``#`` dropped, unreadable ground truth reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "total_text_text_detection"
GT = Path("txt_format/Train")


def test_words_in_file_order_without_dont_care() -> None:
    records = {r.id: r for r in read_task(TASK, FIXTURE)[0]}
    assert records["img12"].label == ["OPEN", "DAILY"]
    assert records["img1277"].label[3:5] == ["G", "TONY"]  # TONY's entry wraps onto two lines
    assert "#" not in records["img1277"].label


def test_missing_and_garbled_ground_truth_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "total_text")
    (root / GT / "poly_gt_img11.txt").unlink()
    (root / GT / "poly_gt_img12.txt").write_text("x: [[1 2 3]], ornt: [u'h']\n")
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["img1277"]
    assert {(p.record_id, p.field) for p in problems} == {("img11", "groundtruth"),
                                                          ("img12", "transcriptions")}
