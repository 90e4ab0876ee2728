"""The FairFace reader: ids are image numbers; unknown values and missing images are reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
CSV = "fairface_label_train.csv"


def test_ids_are_numbers_and_labels_are_raw(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "fairface")
    records, problems = read_task("fairface_image_classification_race", root)
    assert problems == []
    assert [(r.id, r.label) for r in records][:2] == [("1", "East Asian"), ("38354", "Latino_Hispanic")]


def test_unknown_values_missing_images_and_short_rows_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "fairface")
    (root / "train" / "1.jpg").unlink()
    text = (root / CSV).read_text().replace("more than 70", "ancient")
    (root / CSV).write_text(text + "train/5.jpg\n")
    records, problems = read_task("fairface_image_classification_age", root)
    assert [r.id for r in records] == ["38354", "71295"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (CSV, "line 2", "image"), (CSV, "22519", "age"), (CSV, "line 6", "age")]
