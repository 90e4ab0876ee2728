"""Localized Narratives reader: 12-digit COCO ids, repeats made unique, bad lines reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "loc_narratives_coco_images_caption"


def test_repeated_image_gets_the_annotator_suffix() -> None:
    records = read_task(TASK, FIXTURE)[0]
    assert [r.id for r in records] == ["000000010449", "000000073996", "000000010449_93"]
    assert records[0].images == ("train2017/000000010449.jpg",)


def test_empty_caption_missing_id_and_bad_json_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "localized_narratives")
    path = root / "coco_train_captions.jsonl"
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    rows[1]["caption"] = "  "
    del rows[2]["image_id"]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "not json\n")
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["000000010449"]
    assert {(p.record_id, p.field) for p in problems if p.record_id} == {
        ("73996", "caption"), ("line 3", "image_id")}
    assert any("line 4" in p.message for p in problems)


def test_each_subset_keeps_its_released_id_shape() -> None:
    ade = read_task("loc_narratives_ade20k_images_caption", FIXTURE)[0]
    assert ade[0].id == "ADE_train_00004721.jpg"
    assert ade[0].images == ("ADEChallengeData2016/images/training/ADE_train_00004721.jpg",)
    flickr = read_task("loc_narratives_flickr30k_images_caption", FIXTURE)[0]
    assert [r.id for r in flickr] == ["3182161610", "1000092795", "4898966335"]
    open_images = read_task("loc_narratives_open_images_caption", FIXTURE)[0]
    assert [r.id for r in open_images] == ["bd94662728840ffc", "0003918356194027", "e1c3a1f2b6d94a07"]
    assert open_images[1].images == ("open-images/train/0003918356194027.jpg",)


def test_missing_subset_image_and_file_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "localized_narratives")
    (root / "flickr30k-images" / "1000092795.jpg").unlink()
    records, problems = read_task("loc_narratives_flickr30k_images_caption", root)
    assert [r.id for r in records] == ["3182161610", "4898966335"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("flickr30k_train_captions.jsonl", "1000092795", "image")]
    (root / "open_images_train_v6_captions.jsonl").unlink()
    records, problems = read_task("loc_narratives_open_images_caption", root)
    assert records == [] and [p.file for p in problems] == ["open_images_train_v6_captions.jsonl"]
