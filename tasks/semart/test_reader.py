"""SemArt reader: latin-1 tab-separated rows, ids = row index; bad rows reported, not fatal."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

CSV = "semart_train.csv"


def test_latin1_text_and_row_index_ids() -> None:
    assert "Descripci\xf3n".encode("latin-1") in (FIXTURE / CSV).read_bytes()
    records, problems = read_task("semart_image_description", FIXTURE)
    assert problems == []
    assert [r.id for r in records] == ["0", "1", "2", "3", "4"]
    assert "Descripción . . . del Escorial" in records[0].label
    assert "Sigüenza" in records[0].label and "&#38;" in records[0].label
    assert records[0].images == ("Images/18223-0404grec.jpg",)
    assert read_task("semart_image_school", FIXTURE)[0][1].label == "French"


def test_missing_image_empty_column_and_short_row_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "semart")
    (root / "Images" / "32745-wedding.jpg").unlink()
    lines = (root / CSV).read_bytes().decode("latin-1").split("\n")
    cells = lines[3].split("\t")
    cells[7] = ""  # row 2: SCHOOL empty
    lines[3] = "\t".join(cells)
    lines[4:4] = ["", "42258-0503vela.jpg\tno more columns"]  # a blank line (skipped), a short row
    (root / CSV).write_bytes("\n".join(lines).encode("latin-1"))
    records, problems = read_task("semart_image_school", root)
    assert [r.id for r in records] == ["0", "4", "5"]
    assert {(p.record_id, p.field) for p in problems} == {("1", "image"), ("2", "SCHOOL"), ("3", "SCHOOL")}
    assert all(p.file == CSV for p in problems)
