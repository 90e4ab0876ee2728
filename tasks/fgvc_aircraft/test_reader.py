"""The shared FGVC-Aircraft reader reports bad label lines and missing images, keeps the rest."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.errors import Problem
from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

DATA = "fgvc-aircraft-2013b/data"


def _read(task_id: str, root: Path) -> tuple[list[str], list[Problem]]:
    records, problems = read_task(task_id, root)
    return [r.id for r in records], problems


def _corrupt(tmp_path: Path) -> Path:
    """0673508 loses its image; 1250763 its family label; 1820311 has no variant line."""
    root = copy_fixture(FIXTURE, tmp_path, "fgvc_aircraft")
    (root / DATA / "images" / "0673508.jpg").unlink()
    family = root / DATA / "images_family_trainval.txt"
    family.write_text(family.read_text().replace("1250763 Spitfire", "1250763"))
    variant = root / DATA / "images_variant_trainval.txt"
    lines = variant.read_text().splitlines(keepends=True)
    variant.write_text("".join(line for line in lines if not line.startswith("1820311")))
    return root


def test_combined_task_skips_every_incomplete_record(tmp_path: Path) -> None:
    ids, problems = _read("fgvc_aircraft_aircraft_classification", _corrupt(tmp_path))
    assert ids == ["1790927", "1042824"]
    assert [(p.record_id, p.field) for p in problems] == [
        ("1250763", "family"), ("0673508", "image"), ("1250763", "family"),
        ("1820311", "variant")]


def test_single_level_task_only_sees_its_own_list(tmp_path: Path) -> None:
    ids, problems = _read("fgvc_aircraft_aircraft_classification_manufacturer",
                          _corrupt(tmp_path))
    assert ids == ["1250763", "1820311", "1790927", "1042824"]
    assert [(p.record_id, p.field) for p in problems] == [("0673508", "image")]


def test_labels_keep_spaces_and_slashes() -> None:
    records, _ = read_task("fgvc_aircraft_aircraft_classification", FIXTURE)
    labels = {r.id: r.label for r in records}
    assert labels["1042824"] == ["McDonnell Douglas", "F/A-18", "F/A-18"]


def test_missing_list_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "fgvc_aircraft")
    (root / DATA / "images_variant_trainval.txt").unlink()
    ids, problems = _read("fgvc_aircraft_aircraft_classification_variant", root)
    assert ids == []
    assert problems[0].file == f"{DATA}/images_variant_trainval.txt"
