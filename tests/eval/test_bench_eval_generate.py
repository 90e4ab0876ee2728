"""The generate benchmark runs on CPU with the tiny model and reports both sides (no speed asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_eval_generate.py"


def test_bench_eval_generate_tiny(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, str(SCRIPT), "--model", "tiny", "--samples", "4", "--batch-sizes",
                           "1,2", "--max-new-tokens", "3", "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert json.loads(out.read_text()) == report
    assert report["model"] == "tiny" and report["dtype"] == "float32" and report["samples"] == 4
    assert set(report["generate"]) == {"1", "2"} and report["best_batch_size"] in (1, 2)
    # float32: every batch size gave exactly the per-sample baseline's predictions (asserted in the script)
    assert all(r["agreement"] == 1.0 for r in report["generate"].values())
    assert report["baseline_per_sample_generate"]["samples_per_s"] > 0 and report["best_vs_baseline"] > 0
