"""The CUB-200-2011 reader names species from folders, reports odd folders, and its fixture is exact."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "cub_200_2011_bird_classification"


def test_species_keep_the_folder_spelling_and_ids_the_file_name() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    jaeger = next(r for r in records if r.id == "Long_Tailed_Jaeger_0054_797088.jpg")
    assert jaeger.label == "Long tailed Jaeger"


def test_bad_folder_and_missing_image_folder_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "cub_200_2011")
    images = root / "CUB_200_2011" / "images"
    (images / "188.Pileated_Woodpecker").rename(images / "Pileated_Woodpecker")
    records, problems = read_task(TASK, root)
    assert len(records) == 4
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("CUB_200_2011/images", "Pileated_Woodpecker/Pileated_Woodpecker_0004_180307", "label")]
    (images / "Pileated_Woodpecker").rename(tmp_path / "elsewhere")
    images.rename(tmp_path / "moved")
    records, problems = read_task(TASK, root)
    assert records == [] and [p.file for p in problems] == ["CUB_200_2011/images"]
