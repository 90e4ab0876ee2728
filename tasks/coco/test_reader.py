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


CAPTIONS = "annotations/captions_train2014.json"


def _image_of(root: Path) -> dict[str, str]:
    """Caption text -> its image's file, from the fixture's caption file."""
    data = json.loads((root / CAPTIONS).read_text())
    return {a["caption"]: f"train2014/COCO_train2014_{a['image_id']:012d}.jpg" for a in data["annotations"]}


def test_supercategory_tasks_name_one_category_each() -> None:
    for task, expected in [
        ("coco_image_classification_animal", {"467037": "dog", "48271": "zebra", "10336": "cat"}),
        ("coco_image_classification_sports", {"467037": "ski", "48271": "kite", "544": "sports ball"}),
        ("coco_image_classification_vehicle", {"412146": "bus", "492020": "bicycle", "544": "airplane"}),
    ]:
        records, problems = read_task(task, FIXTURE)
        assert problems == [] and {r.id: r.fields["category"] for r in records} == expected
    records, _ = read_task("coco_image_classification_vehicle", FIXTURE)
    assert "This image contains an airplane" in (records[0].choices or ())


def test_one_caption_record_per_annotation() -> None:
    records, problems = read_task("coco_image_caption", FIXTURE)
    assert problems == [] and len(records) == 8
    first = records[0]
    assert (first.id, first.label) == ("648756", "A girl preparing to put condiments on her dinner plate.")
    assert first.images == ("train2014/COCO_train2014_000000083690.jpg",)
    assert any(str(r.label).endswith(". ") for r in records)  # raw text kept, as MultiInstruct did


def test_itm_negative_captions_come_from_other_images() -> None:
    image_of = _image_of(FIXTURE)
    records, problems = read_task("coco_itm", FIXTURE)
    assert problems == [] and len(records) == 8
    for record in records:
        assert record.choices is not None and record.answer_index is not None
        own = image_of[record.fields["text"]] == record.images[0]
        assert record.answer_index == (0 if own else 1)
    assert {r.answer_index for r in records} == {0, 1}
    again, _ = read_task("coco_itm", FIXTURE)
    assert again == records  # seeded per record


def test_selection_offers_own_caption_and_four_of_other_images() -> None:
    image_of = _image_of(FIXTURE)
    records, problems = read_task("coco_image_text_selection", FIXTURE)
    assert problems == [] and len(records) == 8
    for record in records:
        assert record.choices is not None and record.answer_index is not None
        assert len(set(c.strip() for c in record.choices)) == 5
        others = [c for i, c in enumerate(record.choices) if i != record.answer_index]
        assert all(image_of[c] != record.images[0] for c in others)


def test_bad_captions_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "coco")
    data = json.loads((root / CAPTIONS).read_text())
    data["annotations"][1]["caption"] = None
    data["annotations"][2]["image_id"] = "341359"
    (root / CAPTIONS).write_text(json.dumps(data))
    (root / "train2014" / "COCO_train2014_000000057870.jpg").unlink()
    records, problems = read_task("coco_image_text_selection", root)
    bad = {("649012", "caption"), ("481996", "image_id"), ("700311", "image"), ("700529", "image")}
    # four captions left, on three images: each has too few others to fill four options
    too_few = {(i, "caption") for i in ("648756", "482350", "410357", "411833")}
    assert {(str(p.record_id), p.field) for p in problems} == bad | too_few
    assert records == []
    records, problems = read_task("coco_itm", root)
    assert [r.id for r in records] == ["648756", "482350", "410357", "411833"]
    assert {(str(p.record_id), p.field) for p in problems} == bad


def test_missing_or_undecodable_caption_file_is_one_problem(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "coco")
    (root / CAPTIONS).write_bytes(b"\xff\xfe{")
    records, problems = read_task("coco_image_caption", root)
    assert records == [] and len(problems) == 1 and problems[0].field is None
