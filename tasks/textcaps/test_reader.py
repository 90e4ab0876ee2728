"""TextCaps reader: one record per caption entry, keyed by position; bad entries reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "textcaps_caption_generation"
FILE = "TextCaps_0.1_train.json"


def test_entries_missing_caption_or_image_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "textcaps")
    document = json.loads((root / FILE).read_text())
    del document["data"][0]["caption_str"]
    (root / FILE).write_text(json.dumps(document))
    (root / "train_images" / "5ac9c0ab2dd19763.jpg").unlink()
    records, problems = read_task(TASK, root)
    assert [(r.id, r.label) for r in records] == [
        ("1", "A parking meter that has the words broken meter on it.")]
    assert {(p.record_id, p.field) for p in problems} == {("0", "caption_str"), ("2", "image")}


def test_truncated_json_is_one_problem(tmp_path: Path) -> None:
    root = tmp_path / "textcaps"
    root.mkdir()
    (root / FILE).write_text('{"data": [')
    records, problems = read_task(TASK, root)
    assert records == []
    assert len(problems) == 1 and problems[0].file == FILE
