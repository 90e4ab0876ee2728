"""OK-VQA through the generic VQA reader: most common answer, ties to the first given."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"



def test_most_common_answer_is_the_label() -> None:
    records, problems = read_task("ok_vqa", FIXTURE)
    assert problems == []
    assert [r.label for r in records] == ["transportation", "mercedes", "labrador", "italy"]


def test_missing_annotation_and_image_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "ok_vqa")
    path = root / "mscoco_train2014_annotations.json"
    data = json.loads(path.read_text())
    del data["annotations"][1]
    path.write_text(json.dumps(data))
    (root / "train2014" / "COCO_train2014_000000524291.jpg").unlink()
    records, problems = read_task("ok_vqa", root)
    assert [r.id for r in records] == ["1624195", "2860655"]
    assert {(p.record_id, p.field) for p in problems} == {
        ("1624196", "question_id"), ("5242915", "image")}
