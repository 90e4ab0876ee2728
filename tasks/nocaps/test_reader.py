"""nocaps reader: ids are image file names; bad annotations and missing images are reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "nocaps_image_caption"
FILE = "nocaps_val_4500_captions.json"


def test_bad_annotations_and_missing_images(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "nocaps")
    data = json.loads((root / FILE).read_text())
    del data["annotations"][0]["image_id"]                     # reported, the image keeps nine
    del data["annotations"][12]["caption"]                     # image 0 dropped: a caption is missing
    (root / FILE).write_text(json.dumps(data))
    (root / "val" / "00223d6d5df8ecd0.jpg").unlink()
    records, problems = read_task(TASK, root)
    assert [(r.id, len(r.label)) for r in records] == [("cd9ce6646a4ac45b.jpg", 9)]
    assert [(p.record_id, p.field) for p in problems] == [
        ("#0", "image_id"), ("0", "caption"), ("7", "image")]


def test_broken_json_is_one_problem(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "nocaps")
    (root / FILE).write_text("{")
    records, problems = read_task(TASK, root)
    assert records == [] and [p.file for p in problems] == [FILE]
