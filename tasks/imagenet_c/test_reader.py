"""ImageNet-C: the corruption folder is the label; options come from the task's whole label set."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import copy_fixture, read_task

from .reader import read_imagenet_c

FIXTURE = Path(__file__).parent / "fixture"


def test_groups_and_options() -> None:
    records, problems = read_task("imagenet_c_image_classification_general", FIXTURE)
    assert problems == []
    assert len(records) == 8
    assert {r.label for r in records} == {"blur", "weather", "noise", "digital"}
    records, _ = read_task("imagenet_c_image_classification_noise", FIXTURE)
    assert [r.label for r in records] == ["Contrast", "Gaussian noise", "Saturate", "Speckle noise"]
    for record in records:
        assert record.choices is not None and record.answer_index is not None
        assert len(record.choices) == 10 and record.choices[record.answer_index] == record.label


def test_ids_keep_corruption_and_severity() -> None:
    records, _ = read_task("imagenet_c_image_classification_blur", FIXTURE)
    assert [r.id for r in records] == [
        "defocus_blur/3/n01440764/ILSVRC2012_val_00005365",
        "motion_blur/1/n01440764/ILSVRC2012_val_00005365",
        "zoom_blur/5/n02085620/ILSVRC2012_val_00000293"]


def test_too_many_options_are_reported_per_record(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "imagenet_c")
    context = ReadContext("imagenet_c_image_classification_weather", root)
    records = list(read_imagenet_c(context, root, corruptions={"snow": "snow", "fog": "fog"}, options=3))
    assert records == []
    assert [(p.record_id, p.field) for p in context.problems] == [
        ("fog/4/n01440764/ILSVRC2012_val_00005365", "label"),
        ("snow/2/n02085620/ILSVRC2012_val_00039707", "label")]
