"""Stage configs: bundled ones parse; bad recipes fail with readable errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from visionflan_trainer.config import CONFIG_DIR, ConfigError, load_config, resolve_config_path

BASE = "lr: 1.0e-5\nper_device_batch_size: 8\nglobal_batch_size: 64\nmax_length: 2048\n"


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "c.yaml"
    p.write_text(text)
    return p


@pytest.mark.parametrize("name", ["stage1", "stage2", "stage1-cpu", "stage2-cpu"])
def test_bundled_configs_load(name: str) -> None:
    cfg = load_config(name)
    assert resolve_config_path(name) == CONFIG_DIR / f"{name}.yaml"
    assert cfg.freeze.vision_tower and not cfg.freeze.language_model


def test_paper_values() -> None:
    s1, s2 = load_config("stage1"), load_config("stage2")
    assert (s1.lr, s1.global_batch_size, s1.epochs, s1.accumulation_steps(8)) == (2e-5, 128, 1, 1)
    assert (s2.lr, s2.global_batch_size, s2.max_steps, s2.accumulation_steps(8)) == (1e-5, 64, 128, 1)
    assert s1.accumulation_steps(1) == 8


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("", "exactly one of epochs or max_steps"),
        ("max_steps: 3\nepochs: 1\n", "exactly one of epochs or max_steps"),
        ("max_steps: 3\nschedule: poly\n", "schedule"),
        ("max_steps: 3\nprecision: fp16\n", "precision"),
        ("max_steps: 3\nlearning_rate: 3\n", "learning_rate: Extra inputs"),
        (
            "max_steps: 3\nfreeze: {vision_tower: true, projector: true, language_model: true}\n",
            "nothing to train",
        ),
        ("max_steps: 3\nwarmup_steps: 3\nwarmup_ratio: 0.1\n", "warmup_steps or warmup_ratio"),
    ],
)
def test_validation_errors(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(_write(tmp_path, BASE + extra))


def test_batch_divisibility(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a multiple"):
        load_config(_write(tmp_path, BASE.replace("64", "60") + "max_steps: 1\n"))
    cfg = load_config(_write(tmp_path, BASE + "max_steps: 1\n"))
    assert cfg.accumulation_steps(2) == 4
    with pytest.raises(ConfigError, match="world_size 3"):
        cfg.accumulation_steps(3)


def test_missing_config() -> None:
    with pytest.raises(ConfigError, match="config not found"):
        load_config("no-such-stage")


def test_total_steps() -> None:
    cfg = load_config("stage1-cpu")
    assert cfg.total_steps(steps_per_epoch=5) == 10 and cfg.total_steps(5, override=3) == 3
    assert load_config("stage1").num_warmup_steps(1000) == 30
