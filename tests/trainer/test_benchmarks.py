"""The benchmark scripts run (tiny settings) and print their final JSON figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _last_json(script: str, *args: str) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def test_gpu_mfu_script_smoke(tmp_path: Path) -> None:
    """Both figures: the trainer's own step (loop.train on generated records) and the pure step."""
    out = tmp_path / "mfu.json"
    r: Any = _last_json("gpu_stage1_mfu.py", "--smoke", "--warmup", "1", "--steps", "2", "--out", str(out))
    assert json.loads(out.read_text()) == r
    trainer, pure = r["trainer_step"], r["pure_step"]
    assert r["smoke"] is True and trainer["what"].startswith("visionflan_trainer.loop.train")
    assert trainer["tokens_per_s"] > 0 and trainer["image_tokens"] == 16
    assert trainer["global_batch"] == trainer["micro_batch"] * trainer["accumulation"]
    assert pure["tokens_per_s"] > 0 and pure["image_tokens"] == 16
    assert pure["model_tflops_per_step"] is not None


def test_data_pipeline_bench_quick() -> None:
    r = _last_json("bench_data_pipeline.py", "--quick")
    assert r["samples"] == 64
    assert r["ours_samples_per_s"] > 0 and r["llava_samples_per_s"] > 0  # type: ignore[operator]
