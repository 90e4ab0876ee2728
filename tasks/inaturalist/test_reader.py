"""The shared iNaturalist reader reports a bad image or category and keeps the rest."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.errors import Problem
from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"



def _read(task_id: str, root: Path) -> tuple[list[str], list[Problem]]:
    records, problems = read_task(task_id, root)
    return [r.id for r in records], problems


def _corrupt(tmp_path: Path) -> Path:
    """Image 1 loses its file, image 2 its file_name, image 3's category its phylum."""
    root = copy_fixture(FIXTURE, tmp_path, "inaturalist")
    data = json.loads((root / "train.json").read_text())
    (root / data["images"][0]["file_name"]).unlink()
    del data["images"][1]["file_name"]
    del data["categories"][2]["phylum"]
    (root / "train.json").write_text(json.dumps(data))
    return root


def test_bad_records_are_reported_and_skipped(tmp_path: Path) -> None:
    ids, problems = _read("inaturalist_phylum_classification", _corrupt(tmp_path))
    assert ids == ["afaca087-cfce-422c-bc4b-7dff82d550c4.jpg",
                   "a59b1023-3799-4fd4-9720-c5e1845368d9.jpg"]
    assert [(p.record_id, p.field) for p in problems] == [
        ("1", "image"), ("2", "file_name"), ("3", "phylum")]
    assert all(p.file == "train.json" for p in problems)


def test_a_missing_rank_only_matters_to_the_task_that_asks_for_it(tmp_path: Path) -> None:
    ids, problems = _read("inaturalist_genus_classification", _corrupt(tmp_path))
    assert len(ids) == 3
    assert [p.field for p in problems] == ["image", "file_name"]


def test_supercategory_outside_the_choices_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "inaturalist")
    data = json.loads((root / "train.json").read_text())
    data["categories"][0]["supercategory"] = "Protozoa"
    (root / "train.json").write_text(json.dumps(data))
    ids, problems = _read("inaturalist_supercategory_classification", root)
    assert len(ids) == 4
    assert [(p.record_id, p.field) for p in problems] == [("1", "supercategory")]


def test_broken_json_and_test_split_are_reported(tmp_path: Path) -> None:
    root = tmp_path / "inaturalist"
    root.mkdir()
    (root / "train.json").write_text("{not json")
    assert _read("inaturalist_class_classification", root)[1][0].file == "train.json"
    (root / "train.json").write_text(json.dumps({"images": [], "categories": []}))
    ids, problems = _read("inaturalist_class_classification", root)
    assert ids == [] and problems[0].field == "annotations"
