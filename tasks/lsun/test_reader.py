"""The LSUN reader reads each category's LMDB, reports undecodable values, and without lmdb gives the hint."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "lsun_image_classification"


def test_ids_labels_and_nine_options() -> None:
    pytest.importorskip("lmdb")
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records][:2] == [("bedroom_0.png", "bedroom"),
                                                      ("church_outdoor_0.png", "church outside")]
    assert all(len(r.choices or ()) == 9 and "church outside" in (r.choices or ()) for r in records)


def test_undecodable_value_and_no_category(tmp_path: Path) -> None:
    lmdb = pytest.importorskip("lmdb")
    root = copy_fixture(FIXTURE, tmp_path, "lsun")
    env = lmdb.open(str(root / "bedroom_train_lmdb"), map_size=1 << 22)
    with env.begin(write=True) as txn:
        txn.put(b"f" * 40, b"not an image")
    env.close()
    records, problems = read_task(TASK, root)
    assert len(records) == 5
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("bedroom_train_lmdb/data.mdb", "f" * 40, "image")]
    for folder in root.glob("*_lmdb"):
        shutil.rmtree(folder)
    records, problems = read_task(TASK, root)
    assert records == [] and [p.file for p in problems] == ["."]


def test_without_lmdb_the_reader_stops_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lmdb", None)  # what an install without the extra does on import
    records, problems = read_task(TASK, FIXTURE)
    assert records == [] and "pip install 'visionflan[lmdb]'" in problems[0].message
