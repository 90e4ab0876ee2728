"""MemeCap reader: one record per caption; NaN values, missing images and bad entries reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "memecap_meme_captioning"
FILE = "memes-trainval.json"


def test_nan_missing_images_and_bad_entries_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "memecap")
    text = (root / FILE).read_text()
    text = text.replace('"title": "Me when the"', '"title": NaN')          # meme 1: NaN title (2 captions)
    memes = json.loads(text)
    memes.append("not a meme")
    memes.append({**memes[0], "meme_captions": []})                        # no captions at all
    (root / FILE).write_text(json.dumps(memes))
    (root / "memes" / "memes_zcbupg.png").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["yy8lv2_1"]
    assert [(p.record_id, p.field) for p in problems] == [
        ("1#1", "title"), ("1#2", "title"), ("2#1", "image"), ("3#1", None), ("4#1", "meme_captions")]


def test_trailing_spaces_stay_in_the_raw_caption(tmp_path: Path) -> None:
    records, problems = read_task(TASK, copy_fixture(FIXTURE, tmp_path, "memecap"))
    assert problems == [] and records[1].label.endswith("hide from them ")
