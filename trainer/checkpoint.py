"""Resumable checkpoints in ``OUT/checkpoints/step-N/``, written atomically (temp dir + rename).

A checkpoint holds model and optimizer states (full, unsharded), scheduler, step, sampler
position and every rank's RNG states. ``trainer_state.json`` is written last, so a directory
without it is never picked up by ``--resume``.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from safetensors.torch import load_file, save_file

STEP_DIR = re.compile(r"^step-(\d+)$")
STATE_FILE = "trainer_state.json"


@dataclass
class TrainerState:
    step: int
    epoch: int
    position: int  # micro-batches of this rank consumed in ``epoch``
    samples_seen: int
    tokens_seen: int

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=2)


def rng_state() -> dict[str, Any]:
    state: dict[str, Any] = {
        "python": random.getstate(),
        "numpy": np.random.get_state(),
        "torch": torch.get_rng_state(),
    }
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state()
    return state


def set_rng_state(state: dict[str, Any]) -> None:
    random.setstate(state["python"])
    np.random.set_state(state["numpy"])
    torch.set_rng_state(state["torch"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state(state["cuda"])


def latest_checkpoint(out_dir: Path) -> Path | None:
    """The completed ``step-N`` directory with the largest N, if any."""
    root = out_dir / "checkpoints"
    if not root.is_dir():
        return None
    done = [
        (int(m.group(1)), p)
        for p in root.iterdir()
        if (m := STEP_DIR.match(p.name)) and (p / STATE_FILE).is_file()
    ]
    return max(done)[1] if done else None


def tmp_dir(out_dir: Path, step: int) -> Path:
    return out_dir / "checkpoints" / f".step-{step}.tmp"


def write_shared(
    tmp: Path,
    model_state: dict[str, torch.Tensor],
    optimizer_state: dict[str, Any],
    scheduler_state: dict[str, Any],
) -> None:
    """Rank 0's part: model (safetensors), optimizer and scheduler."""
    save_file({k: v.contiguous() for k, v in model_state.items()}, str(tmp / "model.safetensors"))
    torch.save(optimizer_state, tmp / "optimizer.pt")
    torch.save(scheduler_state, tmp / "scheduler.pt")


def write_rank(tmp: Path, rank: int) -> None:
    torch.save(rng_state(), tmp / f"rng-rank{rank}.pt")


def finalize(tmp: Path, state: TrainerState, keep: int | None) -> Path:
    """Write the completion marker, rename into place, prune old checkpoints (rank 0 only)."""
    (tmp / STATE_FILE).write_text(state.to_json())
    final = tmp.parent / f"step-{state.step}"
    if final.exists():
        shutil.rmtree(final)
    tmp.rename(final)
    if keep:
        steps = sorted((int(m.group(1)), p) for p in final.parent.iterdir() if (m := STEP_DIR.match(p.name)))
        for _, old in steps[:-keep]:
            shutil.rmtree(old, ignore_errors=True)
    return final


@dataclass
class Loaded:
    state: TrainerState
    model_state: dict[str, torch.Tensor]
    optimizer_state: dict[str, Any]
    scheduler_state: dict[str, Any]
    rng: dict[str, Any] | None


def load(path: Path, rank: int) -> Loaded:
    raw = json.loads((path / STATE_FILE).read_text())
    rng_file = path / f"rng-rank{rank}.pt"
    return Loaded(
        state=TrainerState(**raw),
        model_state=load_file(str(path / "model.safetensors")),
        optimizer_state=torch.load(path / "optimizer.pt", weights_only=False),
        scheduler_state=torch.load(path / "scheduler.pt", weights_only=False),
        rng=torch.load(rng_file, weights_only=False) if rng_file.is_file() else None,
    )
