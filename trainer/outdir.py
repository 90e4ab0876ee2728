"""The run folder: refuse to train into someone else's folder, or over a run without --resume.

A folder ``vf-train`` made holds ``MARKER`` (written before anything else), so ``--overwrite``
only ever removes a folder we recognise, and never ``/``, the home folder, the working
directory, or a folder that holds the training inputs.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

from .errors import ConfigError

MARKER = ".vf-train-run"
# older runs (before the marker) are recognised by what a run writes
_RUN_FILES = ("stage_config.json", "train_log.jsonl", "checkpoints")


def is_run_folder(path: Path) -> bool:
    return (path / MARKER).is_file() or any((path / name).exists() for name in _RUN_FILES)


def mark_run_folder(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    marker = path / MARKER
    if not marker.is_file():
        from . import __version__

        marker.write_text(json.dumps({"tool": "vf-train", "version": __version__}) + "\n")


def claim_output_dir(out: Path, inputs: Sequence[Path], resume: bool, overwrite: bool) -> None:
    """Check (and with ``overwrite``, clear) ``out`` before a run; raises ConfigError to refuse."""
    if resume and overwrite:
        raise ConfigError("--resume continues a run and --overwrite deletes it: pass one of them")
    if resume:
        if not out.is_dir():
            raise ConfigError(f"--resume: {out} does not exist; drop --resume to start a new run")
        return  # whether there is a checkpoint is checked per stage
    if not out.exists():
        return
    if not out.is_dir():
        raise ConfigError(f"--output-dir {out} is a file, not a folder")
    if not any(out.iterdir()):
        return
    ours = is_run_folder(out) or any(is_run_folder(out / s) for s in ("stage1", "stage2"))
    if not overwrite:
        if ours:
            raise ConfigError(
                f"{out} already holds a vf-train run: pass --resume to continue it, "
                "or --overwrite to delete it and start over"
            )
        raise ConfigError(f"{out} is not empty and is not a vf-train run folder; choose another --output-dir")
    _check_removable(out, inputs, ours)
    shutil.rmtree(out)


def _check_removable(out: Path, inputs: Sequence[Path], ours: bool) -> None:
    resolved = out.expanduser().resolve()
    protected = {Path("/"), Path.home().resolve(), Path.cwd().resolve(), Path(resolved.anchor)}
    if resolved in protected:
        raise ConfigError(f"--overwrite refused: {out} is {resolved}, which is never deleted")
    for item in inputs:
        p = Path(item).expanduser().resolve()
        if p == resolved or resolved in p.parents:
            raise ConfigError(f"--overwrite refused: {out} contains the input {item}")
    if not ours:
        raise ConfigError(
            f"--overwrite refused: {out} is not a vf-train run folder (no {MARKER}); "
            "remove it yourself or choose another --output-dir"
        )
