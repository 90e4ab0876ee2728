"""The FUNSD reader: entity texts in file order (empty ones kept); bad forms are reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "funsd_text_detection"
SPLIT = "dataset/training_data"


def test_texts_in_file_order_with_empty_ones() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [r.id for r in records] == ["0000971160.png", "0060173256.png", "82092117.png"]
    assert records[2].label == ["FAX COVER SHEET", "Pages:", "3", ""]


def test_bad_forms_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "funsd")
    (root / SPLIT / "images" / "82092117.png").unlink()
    path = root / SPLIT / "annotations" / "0000971160.json"
    data = json.loads(path.read_text())
    del data["form"][1]["text"]
    path.write_text(json.dumps(data))
    (root / SPLIT / "annotations" / "0060173256.json").write_text("{broken")
    records, problems = read_task(TASK, root)
    assert records == []
    assert {(p.record_id, p.field) for p in problems} == {
        ("82092117.png", "image"), ("0000971160.png", "text"), (None, None)}
    assert any(str(p.file).endswith("0060173256.json") for p in problems)
