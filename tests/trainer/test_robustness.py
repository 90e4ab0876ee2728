"""One bad input never stops a run, and every refusal is one line. One test per failure class."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner, Result
from conftest import write_colour_dataset
from visionflan_trainer.cli import main
from visionflan_trainer.config import StageConfig, load_config
from visionflan_trainer.errors import DataError
from visionflan_trainer.run import run_stage


def _cfg(**kw: object) -> StageConfig:
    return load_config("stage1-cpu").model_copy(update={"epochs": None, "max_steps": 2, **kw})


def _conv(q: str = "<image>\nWhat colour?", a: str = "Red.") -> list[dict[str, str]]:
    return [{"from": "human", "value": q}, {"from": "gpt", "value": a}]


def _one_line_error(res: Result, *expected: str) -> str:
    assert res.exit_code != 0, res.output
    assert "Traceback" not in res.output, res.output
    errors = [line for line in res.output.splitlines() if line.startswith("Error")]
    assert len(errors) == 1, res.output
    for text in expected:
        assert text in errors[0], errors[0]
    return errors[0]


def _train(*args: str) -> Result:
    return CliRunner().invoke(main, ["--config", "stage1-cpu", "--model", "tiny", "--max-steps", "1", *args])


# ------------------------------------------------------------------ bad records: dropped, run goes on
@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("bad")
    extra = [
        {"id": "surrogate", "image": "images/0.png", "conversations": _conv(a="red \ud800 square")},
        {"id": "empty-answer", "image": "images/0.png", "conversations": _conv(a="  ")},
        {"id": "missing", "image": "images/nope.png", "conversations": _conv()},
    ]
    data = write_colour_dataset(root / "data", n=6, extra=extra)
    (data / "llava" / "latin1.json").write_bytes(b'[{"id": "caf\xe9", "conversations": []}]')
    (data / "llava" / "cut.json").write_text('[{"id": "x", "conver')
    run_stage(_cfg(), data, root / "run", model="tiny")
    lines = (root / "run" / "dropped.jsonl").read_text().splitlines()
    return {d["id"]: d["reason"] for d in map(json.loads, lines)}


def test_lone_surrogate_drops_the_record_not_the_run(bad_run: dict[str, str]) -> None:
    assert bad_run["surrogate"].startswith("bad text: turn 1 has a lone surrogate")


def test_invalid_utf8_json_file_is_dropped_with_its_reason(bad_run: dict[str, str]) -> None:
    reasons = {Path(k).name: v for k, v in bad_run.items()}
    assert reasons["latin1.json"].startswith("bad file: not UTF-8")
    assert reasons["cut.json"].startswith("bad file: not valid JSON")


def test_empty_assistant_turn_is_dropped_as_zero_supervision(bad_run: dict[str, str]) -> None:
    assert bad_run["empty-answer"].startswith("empty assistant turn")


def test_missing_image_names_every_path_tried(bad_run: dict[str, str]) -> None:
    reason = bad_run["missing"]
    assert reason.startswith("missing image: images/nope.png (tried ")
    tried = reason.split("(tried ", 1)[1].rstrip(")").split(" and ")
    expected = [("llava", "images", "nope.png"), ("data", "images", "nope.png")]
    assert [Path(p).parts[-3:] for p in tried] == expected


# ------------------------------------------------------------------ unfinished export
def test_export_without_completed_is_refused_unless_allowed(tmp_path: Path) -> None:
    data = write_colour_dataset(tmp_path / "data", n=4, completed=False)
    res = _train("--data", str(data), "--output-dir", str(tmp_path / "a"))
    _one_line_error(res, "no COMPLETED marker", "--allow-incomplete")
    res = _train("--data", str(data), "--output-dir", str(tmp_path / "b"), "--allow-incomplete")
    assert res.exit_code == 0, res.output
    with pytest.raises(DataError, match="unfinished export"):
        run_stage(_cfg(), data, tmp_path / "c", model="tiny")


def test_pipeline_checks_stage2_data_before_stage1_trains(tmp_path: Path) -> None:
    stage1 = write_colour_dataset(tmp_path / "d1", n=4)
    stage2 = write_colour_dataset(tmp_path / "d2", n=0, extra=[{"id": "x", "conversations": _conv(a="")}])
    args = ["pipeline", "--stage1", "stage1-cpu", "--stage2", "stage2-cpu", "--model", "tiny"]
    args += ["--stage1-data", str(stage1), "--stage2-data", str(stage2), "--output-dir", str(tmp_path / "r")]
    _one_line_error(CliRunner().invoke(main, args), "stage-2 data", "empty mixture")
    assert not (tmp_path / "r" / "stage1").exists()  # stage 1 never started


# ------------------------------------------------------------------ resume, RNGs
def test_resume_does_not_log_steps_twice(tmp_path: Path, colour_data: Path) -> None:
    cfg = _cfg(max_steps=6, save_every=3, keep_checkpoints=None)
    run_stage(cfg, colour_data, tmp_path / "a", model="tiny")
    # killed after step 5: the checkpoint is step 3, the log already has steps 1-5
    b = tmp_path / "b"
    shutil.copytree(tmp_path / "a", b)
    shutil.rmtree(b / "checkpoints" / "step-6", ignore_errors=True)
    shutil.rmtree(b / "final")
    lines = (b / "train_log.jsonl").read_text().splitlines()
    (b / "train_log.jsonl").write_text("\n".join(lines[:5]) + '\n{"step": 6, "lo')  # cut mid-line
    run_stage(cfg, colour_data, b, model="tiny", resume=True)
    steps = [json.loads(x)["step"] for x in (b / "train_log.jsonl").read_text().splitlines()]
    assert steps == [1, 2, 3, 4, 5, 6]


def test_python_and_numpy_rngs_are_seeded(monkeypatch: pytest.MonkeyPatch, colour_data: Path) -> None:
    seen: list[tuple[float, float]] = []

    def fake_train(*args: Any, **kwargs: Any) -> Any:
        seen.append((random.random(), float(np.random.rand())))
        return types.SimpleNamespace(final_dir=None)

    monkeypatch.setattr("visionflan_trainer.run.train", fake_train)
    for _ in range(2):
        random.seed(os.getpid() + len(seen))
        np.random.seed(len(seen) + 7)
        run_stage(_cfg(seed=5), colour_data, colour_data.parent / f"rng{len(seen)}", model="tiny")
    random.seed(5)
    np.random.seed(5)
    assert seen[0] == seen[1] == (random.random(), float(np.random.rand()))


# ------------------------------------------------------------------ models
def test_unknown_model_is_one_line_naming_it(tmp_path: Path, colour_data: Path) -> None:
    res = CliRunner().invoke(
        main,
        ["--config", "stage1-cpu", "--data", str(colour_data), "--output-dir", str(tmp_path / "o"),
         "--model", "no-such-org/no-such-llava"],
    )
    _one_line_error(res, "'no-such-org/no-such-llava'", "--model")


# ------------------------------------------------------------------ run folder
def test_existing_run_needs_resume_or_overwrite(tmp_path: Path, colour_data: Path) -> None:
    out = tmp_path / "run"
    args = ["--data", str(colour_data), "--output-dir", str(out)]
    assert _train(*args).exit_code == 0
    _one_line_error(_train(*args), "already holds a vf-train run", "--resume", "--overwrite")
    _one_line_error(_train(*args, "--resume"), "no finished checkpoint")
    marker_before = (out / "final").stat().st_mtime_ns
    res = _train(*args, "--overwrite")
    assert res.exit_code == 0, res.output
    assert (out / "final").stat().st_mtime_ns != marker_before


def test_overwrite_never_removes_a_folder_we_did_not_make(tmp_path: Path, colour_data: Path) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("keep me")
    args = ["--data", str(colour_data), "--output-dir"]
    _one_line_error(_train(*args, str(theirs)), "not a vf-train run folder")
    _one_line_error(_train(*args, str(theirs), "--overwrite"), "--overwrite refused")
    assert (theirs / "notes.txt").read_text() == "keep me"
    # a run folder that holds the training data is never deleted either
    (colour_data / "stage_config.json").write_text("{}")
    _one_line_error(_train(*args, str(colour_data), "--overwrite"), "contains the input")
    assert (colour_data / "llava" / "train.json").is_file()


def test_cli_help_and_version_import_no_torch() -> None:
    code = (
        "import sys\nfrom visionflan_trainer.cli import main\n"
        "for args in (['--help'], ['train', '--help']):\n"
        "    try:\n        main(args)\n    except SystemExit:\n        pass\n"
        "heavy = [m for m in ('torch', 'transformers', 'pydantic', 'PIL') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in proc.stdout, proc.stdout + proc.stderr
    assert "--overwrite" in proc.stdout and "--allow-incomplete" in proc.stdout
    assert proc.stderr == ""  # no torchvision (or any other) warning
    res = CliRunner().invoke(main, ["--version"])
    assert res.exit_code == 0 and res.output.startswith("vf-train, version ")


# ------------------------------------------------------------------ logging
def test_metrics_go_to_stdout_with_total_rate_and_eta(tmp_path: Path, colour_data: Path) -> None:
    cmd = [sys.executable, "-m", "visionflan_trainer.cli", "--config", "stage1-cpu", "--model", "tiny",
           "--data", str(colour_data), "--output-dir", str(tmp_path / "o"), "--max-steps", "2"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    steps = [line for line in proc.stdout.splitlines() if " step " in line and "loss=" in line]
    assert len(steps) == 2, proc.stdout
    assert "step 2/2 (100%)" in steps[1] and "eta 0:00:00" in steps[1]
    assert "/s" in steps[1] or "s/step" in steps[1]
    assert "loss=" not in proc.stderr


def test_report_to_wandb_when_installed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, colour_data: Path
) -> None:
    logged: list[tuple[dict[str, Any], int]] = []
    run = types.SimpleNamespace(log=lambda d, step: logged.append((d, step)), finish=lambda: None)
    monkeypatch.setitem(sys.modules, "wandb", types.SimpleNamespace(init=lambda **kw: run))
    yaml = tmp_path / "wandb.yaml"
    yaml.write_text(_cfg().model_dump_json().replace('["tensorboard"]', '"wandb"'))  # JSON is YAML
    cfg = load_config(str(yaml))
    assert cfg.report_to == ["wandb"]
    run_stage(cfg, colour_data, tmp_path / "o", model="tiny")
    assert [step for _, step in logged] == [1, 2] and "train/loss" in logged[0][0]
