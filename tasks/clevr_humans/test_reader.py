"""CLEVR-Humans reads through CLEVR-CoGenT's reader; a missing image or answer is reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
QUESTIONS = "CLEVR-Humans/CLEVR-Humans-train.json"


def test_first_question_of_each_image() -> None:
    records, problems = read_task("clevr_humans_question_answer", FIXTURE)
    assert problems == []
    assert (records[0].fields["question"], records[0].label) == (
        "What color block is farthest back?", "yellow")


def test_bad_entries_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "clevr_humans")
    data = json.loads((root / QUESTIONS).read_text())
    del data["questions"][2]["answer"]
    (root / QUESTIONS).write_text(json.dumps(data))
    (root / "CLEVR_v1.0" / "images" / "train" / "CLEVR_train_041230.png").unlink()
    records, problems = read_task("clevr_humans_question_answer", root)
    assert {(p.record_id, p.field) for p in problems} == {
        ("CLEVR_train_010012.png", "answer"), ("CLEVR_train_041230.png", "image")}
    assert [r.id for r in records] == ["CLEVR_train_003462.png"]
