"""CINIC-10 reads every split through the path-label reader; class filters select each task's subset."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"


def test_subsets_and_ids() -> None:
    records, problems = read_task("cinic_10_image_classification_shipping", FIXTURE)
    assert [(r.id, r.label) for r in records] == [
        ("test/ship/n03095699_4471", "ship"), ("train/ship/n02843029_9292", "ship"),
        ("valid/truck/cifar10-train-3", "truck")]
    assert problems == []
    records, _ = read_task("cinic_10_object_presence_animal", FIXTURE)
    assert len(records) == 10
    assert sorted({r.label for r in records}) == ["animal", "not animal"]


def test_a_missing_split_and_stray_folders_are_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "cinic_10")
    shutil.rmtree(root / "test")
    (root / "train" / "README").mkdir()
    (root / "train" / "README" / "x.png").write_bytes(b"")
    records, problems = read_task("cinic_10_image_classification_animal", root)
    assert [r.id for r in records] == ["train/bird/n02047975_2721", "train/cat/cifar10-train-3",
                                       "valid/dog/n02085620_1152"]
    assert problems == []


def test_an_empty_data_folder_yields_nothing(tmp_path: Path) -> None:
    records, problems = read_task("cinic_10_object_presence_shipping", tmp_path)
    assert records == []
    assert problems == []
