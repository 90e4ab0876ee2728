"""Pick-a-Pic reader: Parquet rows to derived images; bad rows, broken files, no pyarrow reported."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "pickapic_image_short_description"
SHARD = "data/train-00000-of-00001.parquet"


def test_bad_rows_and_broken_files_are_reported(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    root = copy_fixture(FIXTURE, tmp_path, "pickapic")
    rows = pq.read_table(root / SHARD).to_pylist()
    rows[0]["jpg_1"] = None                          # row 0, image 1: no bytes
    rows[1]["caption"] = " "                         # row 1: both images have an empty prompt
    rows[2]["image_0_uid"] = "../escape"             # row 2, image 0: not an id
    pq.write_table(pa.Table.from_pylist(rows), root / SHARD)
    pq.write_table(pa.table({"caption": ["x"]}), root / "data/train-00001-of-00002.parquet")
    (root / "data/train-00002-of-00002.parquet").write_bytes(b"PAR1 not parquet")
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["e23c08c1-7efd-4c38-96e2-fc39004639fe"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (SHARD, "0#1", "jpg_1"), (SHARD, "1#0", "caption"), (SHARD, "1#1", "caption"),
        (SHARD, "2#0", "image_0_uid"),
        ("data/train-00001-of-00002.parquet", None, "image_0_uid"),
        ("data/train-00002-of-00002.parquet", None, None)]


def test_without_pyarrow_the_reader_stops_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)  # what an install without the extra does
    records, problems = read_task(TASK, FIXTURE)
    assert records == [] and "pip install 'visionflan[export]'" in problems[0].message
