"""SentiCap reader: one record per sentence, ``<filename>_<k>``; bad sentences reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "senticap_image_sentiment_captioning"
FILE = "data/senticap_dataset.json"


def test_bad_sentiment_missing_tokens_and_image_without_sentences(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "senticap")
    document = json.loads((root / FILE).read_text())
    first = document["images"][0]
    first["sentences"][0]["sentiment"] = 2
    del first["sentences"][1]["tokens"]
    document["images"].append({"filename": "COCO_val2014_000000000042.jpg", "split": "train"})
    (root / FILE).write_text(json.dumps(document))
    records, problems = read_task(TASK, root)
    assert [(r.id, r.fields["sentiment"]) for r in records] == [
        ("COCO_val2014_000000327367.jpg_0", "negative"),
        ("COCO_val2014_000000327367.jpg_1", "positive")]
    assert {(p.record_id, p.field) for p in problems} == {
        ("COCO_val2014_000000284106.jpg_0", "sentiment"),
        ("COCO_val2014_000000284106.jpg_1", "tokens"),
        ("COCO_val2014_000000000042.jpg", "sentences")}
