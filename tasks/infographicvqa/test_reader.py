"""The InfographicVQA reader: one record per questionId; bad entries reported, not fatal."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "infographicvqa_question_answer"
FILE = "infographicsvqa_qas/infographicsVQA_train_v1.0.json"


def test_records_are_questions() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [r.id for r in records] == ["12878", "14123", "14124", "20471"]
    assert records[0].label == ["US, Spain", "Spain, US"]


def test_bad_entries_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "infographicvqa")
    data = json.loads((root / FILE).read_text())
    data["data"][0]["answers"] = "US"
    del data["data"][1]["question"]
    (root / FILE).write_text(json.dumps(data))
    (root / "infographicsvqa_images" / "20471.jpeg").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["14124"]
    assert {(p.record_id, p.field) for p in problems} == {
        ("12878", "answers"), ("14123", "question"), ("20471", "image")}
