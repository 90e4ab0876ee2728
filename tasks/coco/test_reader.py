"""COCO supercategory reader: one kitchen category per image; others skipped, bad rows reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "coco_image_classification_kitchen"
ANNOTATIONS = "annotations/instances_train2017.json"


def test_only_images_with_exactly_one_kitchen_category(tmp_path: Path) -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert {r.id: r.fields["category"] for r in records} == {
        "467037": "bottle", "412146": "cup", "10336": "bowl", "29843": "spoon"}
    assert records[0].choices is not None and records[0].answer_index is not None
    assert records[0].choices[records[0].answer_index] == "This image contains a bottle"
    assert problems == []


def test_bad_category_and_missing_image_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "coco")
    data = json.loads((root / ANNOTATIONS).read_text())
    next(a for a in data["annotations"] if a["image_id"] == 412146)["category_id"] = 999
    (root / ANNOTATIONS).write_text(json.dumps(data))
    (root / "train2017" / "000000029843.jpg").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["467037", "10336"]
    assert {(p.record_id, p.field) for p in problems} == {("412146", "category_id"),
                                                          ("29843", "image")}
