"""TextCaps reader: one record per caption entry, keyed by position; bad entries reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from visionflan_core.errors import Problem
from visionflan_core.registry import discover

TASK = "textcaps_caption_generation"
FIXTURE = Path(__file__).parents[2] / "tasks" / "_fixtures" / "textcaps"
FILE = "TextCaps_0.1_train.json"


def test_entries_missing_caption_or_image_are_reported(tmp_path: Path) -> None:
    root = tmp_path / "textcaps"
    shutil.copytree(FIXTURE, root)
    document = json.loads((root / FILE).read_text())
    del document["data"][0]["caption_str"]
    (root / FILE).write_text(json.dumps(document))
    (root / "train_images" / "5ac9c0ab2dd19763.jpg").unlink()
    problems: list[Problem] = []
    records = list(discover().load(TASK).read(root, problems))
    assert [(r.id, r.label) for r in records] == [
        ("1", "A parking meter that has the words broken meter on it.")]
    assert {(p.record_id, p.field) for p in problems} == {("0", "caption_str"), ("2", "image")}


def test_truncated_json_is_one_problem(tmp_path: Path) -> None:
    root = tmp_path / "textcaps"
    root.mkdir()
    (root / FILE).write_text('{"data": [')
    problems: list[Problem] = []
    assert list(discover().load(TASK).read(root, problems)) == []
    assert len(problems) == 1 and problems[0].file == FILE
