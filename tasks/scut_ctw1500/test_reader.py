"""The SCUT-CTW1500 reader: '####' splits a line, '###' is dropped, bad files are reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "scut_ctw1500_text_detection"


def test_texts_in_file_order_without_dont_care() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert {r.id: r.label for r in records} == {
        "1002": ["GRAND, OPENING", "SALE"],
        "1181": ["CHESAPEAKE BAY'S FINEST", "FREH FISH DAILY", "CAPTAIN", "WHITE", "FA",
                 "MP & LOBSTER JUMBO CRABS CO", "CRA"],
        "1341": ["Christmas", "Happy"]}


def test_bad_label_files_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "scut_ctw1500")
    (root / "ctw1500_test_labels" / "0001002.txt").unlink()
    (root / "ctw1500_test_labels" / "0001181.txt").write_text("1,2,3,####cut short\n")
    (root / "ctw1500_test_labels" / "0001341.txt").write_text("\n".join(
        f"{','.join(['5'] * 28)},####{t}" for t in ["###", "###"]))
    records, problems = read_task(TASK, root)
    assert records == []
    assert {(p.record_id, p.field) for p in problems} == {
        ("1002", "label_file"), ("1181", "text"), ("1341", "text")}
