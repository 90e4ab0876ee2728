"""The CrisisMMD reader reports rows without labels or images and keeps the rest."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.errors import Problem
from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "crisismmd_humanitarian_categories_classification"
HARVEY = "CrisisMMD_v2.0/annotations/hurricane_harvey_final_data.tsv"


def _read(root: Path) -> tuple[list[str], list[Problem]]:
    records, problems = read_task(TASK, root)
    return [r.id for r in records], problems


def test_bad_rows_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "crisismmd")
    tsv = root / HARVEY
    text = tsv.read_text().replace("\taffected_individuals\t", "\t\t")  # empty image_human
    tsv.write_text(text.replace("\tmild_damage\t", "\tmild_damage\t\t"))  # a stray tab
    images = root / "CrisisMMD_v2.0/data_image/hurricane_harvey/29_8_2017"
    (images / "902540163532754944_1.jpg").unlink()
    ids, problems = _read(root)
    assert ids == ["909833394380525569_0"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (HARVEY, "901792427916361728_0", "image"),
        (HARVEY, "902540163532754944_0", "image_human"),
        (HARVEY, "902540163532754944_1", "image"),
    ]


def test_no_annotation_files_is_one_problem(tmp_path: Path) -> None:
    (tmp_path / "crisismmd").mkdir()
    ids, problems = _read(tmp_path / "crisismmd")
    assert ids == [] and len(problems) == 1


def test_damage_rows_without_a_severity_are_left_out_and_unknown_ones_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "crisismmd")
    tsv = root / HARVEY
    text = tsv.read_text().replace("\tlittle_or_no_damage\t", "\tdont_know_or_cant_judge\t")
    tsv.write_text(text.replace("\tsevere_damage\t", "\tcatastrophic_damage\t"))
    records, problems = read_task("crisismmd_damage_severity_classification", root)
    assert [r.id for r in records] == ["901792427916361728_0"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (HARVEY, "902540163532754944_1", "image_damage"),
    ]


def test_an_unknown_informativeness_label_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "crisismmd")
    tsv = root / HARVEY
    tsv.write_text(tsv.read_text().replace("\tinformative\t1.0\t", "\tinformatve\t1.0\t", 1))
    records, problems = read_task("crisismmd_informativeness_classification", root)
    assert len(records) == 3
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (HARVEY, "901792427916361728_0", "text_info"),
    ]
