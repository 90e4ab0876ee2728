"""VisDial reader: N rounds of history, round N + 1 asked; bad indices, short dialogs reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "visdial_answer_question_4"
FILE = "visdial_1.0_train.json"


def test_history_question_and_val2014_fallback() -> None:
    records = {r.id: r for r in read_task(TASK, FIXTURE)[0]}
    kitchen = records["303148"]
    assert len(kitchen.fields["history"]) == 4
    assert kitchen.fields["question"] == "is the sink stainless steel?"
    assert kitchen.label == "no"
    assert records["285260"].images == ("val2014/COCO_val2014_000000285260.jpg",)


def test_bad_index_and_short_dialog_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "visdial")
    document = json.loads((root / FILE).read_text())
    dialogs = document["data"]["dialogs"]
    dialogs[0]["dialog"][2]["answer"] = 10_000
    dialogs[1]["dialog"] = dialogs[1]["dialog"][:4]
    (root / FILE).write_text(json.dumps(document))
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["285260", "131427"]
    assert {(p.record_id, p.field) for p in problems} == {("303148", "answer"),
                                                          ("315827", "dialog")}


def test_nine_rounds_of_history_ask_the_tenth() -> None:
    records = {r.id: r for r in read_task("visdial_answer_question_9", FIXTURE)[0]}
    plane = records["131427"]
    assert len(plane.fields["history"]) == 9
    assert plane.fields["question"] == "what is the woman wearing?"
    assert plane.label == "a white and blue dress"
