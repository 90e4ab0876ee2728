"""MNIST-M reads the train list only; a bad line or a missing image drops that record alone."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "mnist_m_number_recognition"


def test_train_list_is_read_with_file_stems_as_ids() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert [(r.id, r.label) for r in records] == [
        ("00000000", "5"), ("00000001", "0"), ("00058887", "1"), ("00058888", "7")]
    assert problems == []


def test_bad_rows_are_reported_per_record(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "mnist_m")
    (root / "mnist_m" / "mnist_m_train" / "00000001.png").unlink()
    labels = root / "mnist_m" / "mnist_m_train_labels.txt"
    labels.write_text(labels.read_text() + "00000009.png\n")
    records, problems = read_task(TASK, root)
    assert len(records) == 3
    assert [(p.file, p.field) for p in problems] == [
        ("mnist_m/mnist_m_train_labels.txt", "image"), ("mnist_m/mnist_m_train_labels.txt", "1")]


def test_missing_list_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "mnist_m")
    (root / "mnist_m" / "mnist_m_train_labels.txt").unlink()
    records, problems = read_task(TASK, root)
    assert records == []
    assert problems[0].file == "mnist_m/mnist_m_train_labels.txt"
