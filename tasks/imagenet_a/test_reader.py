"""ImageNet-A: eight options from all 200 names, the answer always among them; bad folders reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

from .reader import CLASSES, with_article

FIXTURE = Path(__file__).parent / "fixture"
TASK = "imagenet_a_image_classification"


def test_the_class_list_has_200_ids() -> None:
    lines = CLASSES.read_text(encoding="utf-8").splitlines()
    assert len({line.split("\t")[0] for line in lines}) == 200


def test_articles() -> None:
    assert [with_article(n) for n in ("lorikeet", "armadillo", "unicycle", "American robin")] == [
        "a lorikeet", "an armadillo", "a unicycle", "an American robin"]


def test_eight_options_hold_the_answer() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [r.label for r in records] == ["lorikeet", "armadillo", "unicycle", "baseball player"]
    for record in records:
        assert record.choices is not None and record.answer_index is not None
        assert len(set(record.choices)) == 8
        assert record.choices[record.answer_index] == with_article(record.label)
    again, _ = read_task(TASK, FIXTURE)
    assert [r.choices for r in again] == [r.choices for r in records]


def test_unknown_folder_and_missing_folder_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "imagenet_a")
    (root / "imagenet-a" / "n01440764").mkdir()
    records, problems = read_task(TASK, root)
    assert len(records) == 4
    assert [(p.file, p.field) for p in problems] == [("imagenet-a/n01440764", "label")]
    records, problems = read_task(TASK, root / "imagenet-a")
    assert records == [] and [p.file for p in problems] == ["imagenet-a"]
