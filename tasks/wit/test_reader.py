"""WIT reader: gzip TSV rows joined to img2dataset's download; bad rows and files reported."""

from __future__ import annotations

import gzip
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "wit_detailed_description"
FILE = "wit_v1.train.all-00000-of-00010.tsv.gz"


def test_bad_rows_dead_links_and_broken_files(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "wit")
    lines = gzip.decompress((root / FILE).read_bytes()).decode().splitlines()
    lines[1] = "\t".join(lines[1].split("\t")[:9])                          # short row
    lines.append(lines[5].replace("Half_Dome_from_Glacier_Point%2C_Yosemite_NP", "Gone"))  # dead link
    (root / FILE).write_bytes(gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0))
    (root / "images/00000/000000001.jpg").unlink()                         # HPLC: saved, then lost
    (root / "wit_v1.train.all-00001-of-00010.tsv.gz").write_bytes(b"not gzip")
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["Half_Dome_from_Glacier_Point,_Yosemite_NP.jpg"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (".", f"{FILE}:2", "mime_type"), (".", f"{FILE}:4", "image"), (".", f"{FILE}:5", "image"),
        ("wit_v1.train.all-00001-of-00010.tsv.gz", None, None), (".", None, "image")]
    assert problems[-1].message.startswith("1 of 5 records have no image downloaded by img2dataset")


def test_no_tsv_is_one_problem(tmp_path: Path) -> None:
    root = tmp_path / "wit"
    root.mkdir()
    records, problems = read_task(TASK, root)
    assert records == [] and len(problems) == 1 and "matches" in problems[0].message
