"""``vf-eval score`` and ``compare`` end to end on a small file with one task per metric."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from visionflan_eval.cli import main

from .conftest import rows, write_jsonl


def _score(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["score", *args])
    return result.exit_code, result.stdout, result.stderr


def test_score_writes_results(predictions: Path, tmp_path: Path) -> None:
    code, out, _ = _score(str(predictions), "--out", str(tmp_path / "eval"))
    assert code == 0, out
    results = json.loads((tmp_path / "eval" / "results.json").read_text())
    tasks = results["tasks"]
    assert tasks["pets/mc"] == {"category": "Perception", "metric": "mc_accuracy", "n": 4, "unmatched": 1,
                                "value": 0.5}  # fmt: skip
    assert tasks["vqa/qa"]["metric"] == "vqa_accuracy" and tasks["vqa/qa"]["value"] == pytest.approx(
        (0.9 + 1) / 2
    )
    assert tasks["docs/qa"]["value"] == pytest.approx(0.8)
    assert tasks["yoga/pose"]["value"] == 1.0 and tasks["yoga/pose"]["exact_match"] == 0.5
    image0 = 10 * (0.5 + 1 / math.sqrt(5)) / 4 * math.exp(-4 / 72)
    assert tasks["coco/caption"]["metric"] == "cider"
    assert tasks["coco/caption"]["value"] == pytest.approx((image0 + 5) / 2)
    perception = results["categories"]["Perception"]
    assert perception["tasks"] == 2 and perception["macro_average"] == pytest.approx((0.5 + 0.95) / 2)
    values = [t["value"] for t in tasks.values()]
    assert results["overall"]["macro_average"] == pytest.approx(sum(values) / 5)
    assert results["skipped"] == {"by_field": {}, "rows": 0}
    assert "pets/mc" in out and "overall macro average over 5 tasks" in out


def test_results_are_deterministic_whatever_the_file_order(tmp_path: Path) -> None:
    items = rows()
    first = write_jsonl(tmp_path / "first.jsonl", items[:5])
    second = write_jsonl(tmp_path / "second.jsonl", items[5:])
    _score(str(first), str(second), "--out", str(tmp_path / "a"))
    _score(str(first), str(second), "--out", str(tmp_path / "b"))
    _score(str(second), str(first), "--out", str(tmp_path / "c"))
    a, b, c = ((tmp_path / x / "results.json").read_text() for x in "abc")
    assert a == b
    strip = lambda text: {k: v for k, v in json.loads(text).items() if k != "files"}  # noqa: E731
    assert strip(a) == strip(c)


def test_malformed_rows_are_reported_and_counted(tmp_path: Path) -> None:
    good = rows()[0]
    bad = [
        "{not json",
        {**good, "id": "x1", "prediction": None},
        {**good, "id": "x2", "references": []},
        {**good, "id": "x3", "metric": "bleurt"},
        {**good, "id": "x4", "answer_type": None},
        {**good, "id": "x5", "references": ["fish"]},  # names no option
        good,
        good,  # duplicate id
        {**good, "id": "x6", "metric": "exact_match"},  # the task already scores mc_accuracy
        [1, 2],
    ]
    path = write_jsonl(tmp_path / "p.jsonl", bad)
    code, out, err = _score(str(path), "--out", str(tmp_path / "eval"))
    assert code == 0
    skipped = [json.loads(x) for x in (tmp_path / "eval" / "skipped.jsonl").read_text().splitlines()]
    assert [(s["line"], s["field"]) for s in skipped] == [
        (1, "(json)"), (2, "prediction"), (3, "references"), (4, "metric"), (5, "metric"), (6, "references"),
        (8, "id"), (9, "metric"), (10, "(row)"),
    ]  # fmt: skip
    assert all(s["file"] == str(path) for s in skipped)
    results = json.loads((tmp_path / "eval" / "results.json").read_text())
    assert results["skipped"]["rows"] == 9 and results["tasks"]["pets/mc"]["n"] == 1
    assert f"{path}:2 [prediction] missing" in err
    assert "9 rows skipped" in out


def test_no_scorable_rows_fails(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "p.jsonl", ["{broken", {"id": 1}])
    code, _, err = _score(str(path), "--out", str(tmp_path / "eval"))
    assert code != 0
    assert "no scorable rows" in err and "2 skipped" in err


def test_compare(predictions: Path, tmp_path: Path) -> None:
    _score(str(predictions), "--out", str(tmp_path / "a"))
    better = [dict(r, prediction="cat") if r["task_id"] == "pets/mc" else r for r in rows()]
    better = [r for r in better if r["task_id"] != "docs/qa"]
    _score(str(write_jsonl(tmp_path / "b.jsonl", better)), "--out", str(tmp_path / "b"))
    result = CliRunner().invoke(main, ["compare", str(tmp_path / "a"), str(tmp_path / "b"), "--json"])
    assert result.exit_code == 0, result.output
    diff = json.loads(result.stdout)
    assert diff["tasks"]["pets/mc"]["delta"] == pytest.approx(0.0)  # 2 of 4 "cat" answers are right
    assert diff["tasks"]["docs/qa"] == {"a": pytest.approx(0.8), "b": None, "delta": None, "metric": "anls"}
    assert diff["tasks"]["vqa/qa"]["delta"] == 0.0
    assert diff["common"]["tasks"] == 4
    text = CliRunner().invoke(main, ["compare", str(tmp_path / "a"), str(tmp_path / "b")]).stdout
    assert "pets/mc" in text and "Perception" in text


def test_generate_absent_or_lazy() -> None:
    """Listing commands imports none of them; score never imports torch, transformers or task plugins."""
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from visionflan_eval.cli import main\n"
        "r = CliRunner().invoke(main, ['--help'])\n"
        "assert r.exit_code == 0 and 'score' in r.output and 'generate' in r.output, r.output\n"
        "assert 'visionflan_eval.generate' not in sys.modules\n"
        "import visionflan_eval.score, visionflan_eval.compare\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('torch', 'transformers', 'visionflan_tasks')]\n"
        "assert not bad, bad\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_a_missing_subcommand_module_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from visionflan_eval import cli

    monkeypatch.setitem(cli._LAZY, "generate", ("visionflan_eval._not_there", "generate", "Generate."))
    result = CliRunner().invoke(main, ["generate", "--model", "x"])
    assert result.exit_code != 0
    assert "module visionflan_eval._not_there is not installed" in result.output
