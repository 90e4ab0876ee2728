"""ScienceQA: image problems only; bad answers, choices, solutions and missing images reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
VQA = "scienceqa_visual_question_answering"
EXPLAIN = "scienceqa_explanation_generation"


def test_text_only_problems_are_out_of_scope(tmp_path: Path) -> None:
    records, problems = read_task(VQA, FIXTURE)
    assert problems == []
    assert [r.id for r in records] == ["5", "11", "3521", "8012"]
    assert (records[2].choices, records[2].answer_index) == (("sour", "shiny", "yellow"), 2)
    records, problems = read_task(EXPLAIN, FIXTURE)
    assert problems == [] and records[0].choices is None
    assert records[0].fields["solution"].endswith("West Virginia is farthest north.")


def test_bad_problems_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "scienceqa")
    data = json.loads((root / "problems.json").read_text())
    data["5"]["answer"] = 7                  # no such choice
    data["11"]["choices"] = "discus"         # not a list
    data["3521"]["solution"] = "  "          # empty explanation
    (root / "problems.json").write_text(json.dumps(data))
    (root / "images" / "test" / "8012" / "image.png").unlink()
    records, problems = read_task(VQA, root)
    assert [r.id for r in records] == ["3521"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("problems.json", "5", "answer"), ("problems.json", "11", "choices"),
        ("problems.json", "8012", "image")]
    records, problems = read_task(EXPLAIN, root)
    assert records == []
    assert [p.record_id for p in problems] == ["5", "11", "3521", "8012"]
    assert problems[2].field == "solution"


def test_broken_problem_file_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "scienceqa")
    (root / "problems.json").write_text("[]")
    records, problems = read_task(VQA, root)
    assert records == [] and [p.file for p in problems] == ["problems.json"]
