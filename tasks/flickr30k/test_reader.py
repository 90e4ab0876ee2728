"""Flickr30k reader: Karpathy raw captions per image, train split only; bad entries reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "flickr30k_caption_image"
FILE = "dataset_flickr30k.json"


def test_train_images_with_raw_captions() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [r.id for r in records] == ["1000092795.jpg", "4898966335.jpg", "2513260012.jpg"]
    assert records[0].label[0].endswith("in the yard.")
    assert records[1].images == ("flickr30k-images/4898966335.jpg",)


def test_missing_image_empty_caption_and_bad_sentences_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "flickr30k")
    (root / "flickr30k-images" / "1000092795.jpg").unlink()
    document = json.loads((root / FILE).read_text())
    document["images"][1]["sentences"][2]["raw"] = " "
    document["images"][2]["sentences"] = "none"
    document["images"].append({"split": "train"})
    (root / FILE).write_text(json.dumps(document))
    records, problems = read_task(TASK, root)
    assert records == []
    assert {(p.record_id, p.field) for p in problems} == {
        ("1000092795.jpg", "image"), ("4898966335.jpg", "sentences"), ("2513260012.jpg", "sentences"),
        ("images[4]", "filename")}
