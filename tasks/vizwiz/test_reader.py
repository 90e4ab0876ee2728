"""The VizWiz VQA reader: crowd answers as options, majority answer, bad rows reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "vizwiz_question_answer"
FILE = "Annotations/train.json"


def test_options_and_majority_answer() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [r.id for r in records] == ["0", "1", "3", "4"]  # 2 has one distinct answer
    beans = records[0]
    assert beans.choices is not None and len(beans.choices) == 5
    assert beans.label == "bushs reduced sodium dark red kidney beans"
    assert records[3].label == "20"  # a 4-4 tie goes to the answer given first


def test_bad_rows_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "vizwiz")
    data = json.loads((root / FILE).read_text())
    data[0]["answers"][3] = "not an object"
    del data[1]["question"]
    (root / FILE).write_text(json.dumps(data))
    (root / "train" / "VizWiz_train_00009408.jpg").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["3"]
    assert {(p.record_id, p.field) for p in problems} == {
        ("0", "answers"), ("1", "question"), ("4", "image")}
