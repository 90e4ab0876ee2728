"""Concadia reader: one record per entry, id = filename; bad entries reported, the rest kept."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
FILE = "wiki_split.json"


def test_bad_entries_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "concadia")
    document = json.loads((root / FILE).read_text())
    entries = document["images"]
    entries[0]["context"] = {"tokens": []}                 # 34442: context without raw text
    del entries[1]["caption"]                              # 90742: no caption at all
    (root / "resized" / "11629.jpg").unlink()              # 11629: image gone
    entries.append("not an entry")
    (root / FILE).write_text(json.dumps(document))
    records, problems = read_task("concadia_image_caption_context_2", root)
    assert [r.id for r in records] == ["82731.jpg"]
    assert {(p.record_id, p.field) for p in problems} == {
        ("34442.jpg", "context"), ("90742.jpg", "caption"), ("11629.jpg", "image"), ("#4", None)}


def test_truncated_json_is_one_problem(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "concadia")
    (root / FILE).write_text((root / FILE).read_text()[:200])
    records, problems = read_task("concadia_image_description", root)
    assert records == []
    assert len(problems) == 1 and problems[0].message.startswith("not valid JSON")
