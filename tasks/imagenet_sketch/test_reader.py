"""ImageNet-Sketch names WordNet-id folders by their first synonym and reports unknown folders."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

from .reader import SYNSETS

FIXTURE = Path(__file__).parent / "fixture"
TASK = "imagenet_sketch_image_classification"


def test_the_synset_list_is_complete() -> None:
    lines = SYNSETS.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1000 and len({line.split("\t")[0] for line in lines}) == 1000


def test_first_synonyms_and_unique_ids() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records] == [
        ("n01440764/sketch_40", "tench"), ("n02012849/sketch_3", "crane"), ("n03584829/sketch_0", "iron"),
        ("n03584829/sketch_40", "iron"), ("n09835506/sketch_12", "ballplayer")]


def test_unknown_folder_is_reported_and_left_out(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "imagenet_sketch")
    shutil.copytree(root / "sketch" / "n01440764", root / "sketch" / "n99999999")
    records, problems = read_task(TASK, root)
    assert len(records) == 5
    assert [(p.file, p.field) for p in problems] == [("sketch/n99999999", "label")]


def test_missing_sketch_folder_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "imagenet_sketch")
    shutil.rmtree(root / "sketch")
    records, problems = read_task(TASK, root)
    assert records == []
    assert [p.file for p in problems] == ["sketch"]
