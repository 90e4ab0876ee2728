"""STL-10: column-major planes decode upright; bad labels and short image files are reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import copy_fixture, read_task

from .make_fixture import image_bytes
from .reader import decode, read_stl_10

FIXTURE = Path(__file__).parent / "fixture"
TASK = "stl_10_image_classification"


def test_decode_undoes_the_column_major_layout() -> None:
    image = decode(image_bytes(("train", 0)))
    assert image.size == (96, 96) and image.mode == "RGB"
    inside, outside = image.getpixel((60, 35)), image.getpixel((60, 70))  # the rectangle is 20..70 x 30..60
    assert inside != outside
    assert image.getpixel((35, 60)) == inside  # not transposed: (x=35, y=60) is still inside


def test_records_ids_and_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISIONFLAN_CACHE_DIR", str(tmp_path))
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records] == [
        ("airplane_0.png", "airplane"), ("horse_1.png", "horse"), ("ship_2.png", "ship")]
    for record in records:
        assert record.choices is not None and record.answer_index is not None
        assert len(set(record.choices)) == 10
        assert record.choices[record.answer_index] == record.label
    derived = next(tmp_path.rglob("train-0.png"))
    with Image.open(derived) as image:
        assert image.size == (96, 96)


def test_bad_label_and_truncated_images(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISIONFLAN_CACHE_DIR", str(tmp_path / "cache"))
    root = copy_fixture(FIXTURE, tmp_path, "stl_10")
    base = root / "stl10_binary"
    (base / "train_y.bin").write_bytes(bytes([1, 11, 9]))
    (base / "train_X.bin").write_bytes((base / "train_X.bin").read_bytes()[: 2 * 27648 + 5])
    context = ReadContext(TASK, root)
    records = list(read_stl_10(context, root))
    assert [r.id for r in records] == ["airplane_0.png"]
    assert [(p.record_id, p.field) for p in context.problems] == [
        (None, None), ("1", "label"), ("2", "image")]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "stl_10")
    (root / "stl10_binary" / "train_y.bin").unlink()
    context = ReadContext(TASK, root)
    assert list(read_stl_10(context, root)) == []
    assert [p.file for p in context.problems] == ["stl10_binary/train_y.bin"]
