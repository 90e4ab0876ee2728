"""The A-OKVQA reader: one record per question, bad questions reported by question id."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "a_okvqa_visual_question_answering"
FILE = "aokvqa_v1p0_train.json"


def test_fixture_reads_cleanly_with_unique_ids() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert len({r.id for r in records}) == len(records) == 5
    assert records[0].id == "000000175438-2Ka7bkwdMrT6jaESVmFJeh"
    assert records[0].label == "afternoon"


def test_bad_questions_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "a_okvqa")
    data = json.loads((root / FILE).read_text())
    data[2]["correct_choice_idx"] = 7
    del data[3]["rationales"]
    (root / FILE).write_text(json.dumps(data))
    (root / "train2017" / "000000137576.jpg").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id.split("-")[0] for r in records] == ["000000175438", "000000175438"]
    assert {(p.record_id, p.field) for p in problems} == {
        ("AaB7Fx2kSbiLt3ftwyhHxq", "correct_choice_idx"),
        ("PGSbx9pkY4cdKx9GFQrzBw", "rationales"),
        ("NVxu9yiBGLQhF4wWyEPw3c", "image"),
    }


def test_rationales_task_labels_with_the_list() -> None:
    records, _ = read_task("a_okvqa_rationales_generation", FIXTURE)
    assert records[2].label == ["The change in the atmosphere causes fog in higher elevations.",
                                "The precipitation is snow.", "The mountain tops are white."]
