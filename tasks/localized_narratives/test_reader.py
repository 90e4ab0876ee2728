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
