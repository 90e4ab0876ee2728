"""The predictions schema: defaults per answer type, field-named errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from visionflan_eval import METRIC_NAMES, RowError, default_metric, parse_row

from visionflan_core.vocab import ANSWER_TYPES

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_eval_score.py"


def test_every_answer_type_has_a_known_default() -> None:
    assert {t: default_metric(t) for t in ANSWER_TYPES} == {
        "multiple_choice": "mc_accuracy",
        "short_answer": "vqa_accuracy",
        "label": "label_match",
        "free_text": "cider",
        "structured": "exact_match",
    }
    assert all(default_metric(t) in METRIC_NAMES for t in ANSWER_TYPES)
    with pytest.raises(ValueError, match="unknown answer_type"):
        default_metric("essay")


def test_declared_metric_wins_over_the_default() -> None:
    row = {"id": 3, "task_id": "t", "prediction": "x", "references": ["x"], "answer_type": "free_text",
           "metric": "rouge_l"}  # fmt: skip
    parsed = parse_row(row)
    assert parsed.metric == "rouge_l" and parsed.id == "3" and parsed.category == "(none)"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": True}, "id"),
        ({"task_id": ""}, "task_id"),
        ({"references": ["a", 1]}, "references"),
        ({"options": [{"label": "a"}]}, "options"),
        ({"category": 5}, "category"),
        ({"answer_type": "essay"}, "answer_type"),
    ],
)
def test_errors_name_the_field(change: dict[str, object], field: str) -> None:
    row = {"id": 1, "task_id": "t", "prediction": "x", "references": ["x"], "answer_type": "label", **change}
    with pytest.raises(RowError) as e:
        parse_row(row)
    assert e.value.field == field


def test_score_benchmark_smoke() -> None:
    """The benchmark runs both sides and asserts they agree (no speed asserted here)."""
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--rows", "600", "--tasks", "20"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert (
        summary["equal_results"] is True and summary["rows"] == 600 and summary["tasks"] >= 8
    )  # every metric
