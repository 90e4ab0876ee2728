"""ImageNet-R: class names from classes.tsv, renditions from file names, bad entries reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

from .reader import CLASSES

FIXTURE = Path(__file__).parent / "fixture"


def test_the_class_list_has_200_ids() -> None:
    lines = CLASSES.read_text(encoding="utf-8").splitlines()
    assert len({line.split("\t")[0] for line in lines}) == 200


def test_classes_and_renditions() -> None:
    records, problems = read_task("imagenet_r_image_classification", FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records][:2] == [
        ("n01484850/painting_20", "great white shark"), ("n01484850/tattoo_9", "great white shark")]
    records, problems = read_task("imagenet_r_image_domain_classification", FIXTURE)
    assert problems == []
    assert [r.label for r in records] == ["painting", "tattoo", "misc", "tattoo", "origami"]


def test_unknown_rendition_and_folder_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "imagenet_r")
    folder = root / "imagenet-r" / "n02085620"
    (folder / "misc_34.jpg").rename(folder / "photo_1.jpg")
    (root / "imagenet-r" / "n00000001").mkdir()
    records, problems = read_task("imagenet_r_image_domain_classification", root)
    assert len(records) == 4
    assert [(p.record_id, p.field) for p in problems] == [(None, "label"), ("n02085620/photo_1", "label")]
