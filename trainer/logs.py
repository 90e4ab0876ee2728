"""Step metrics to stdout and ``OUT/train_log.jsonl``, plus TensorBoard / Weights & Biases when
installed and asked for (``report_to`` in the stage config). Errors go to stderr as one line.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

log = logging.getLogger("visionflan_trainer")

LOG_FILE = "train_log.jsonl"


def _fmt_duration(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def truncate_log(path: Path, last_step: int) -> int:
    """Drop lines logged after ``last_step`` (a resumed run logs those steps again); returns kept."""
    if not path.is_file():
        return 0
    kept = []
    for line in path.read_text().splitlines():
        try:
            step = json.loads(line).get("step", 0)
        except (json.JSONDecodeError, AttributeError):
            continue  # a line cut by the kill
        if step <= last_step:
            kept.append(line)
    path.write_text("".join(x + "\n" for x in kept))
    return len(kept)


class MetricsLogger:
    """Rank-0 sink for per-step metrics; other ranks get a no-op instance.

    ``resume_step``: the checkpoint's step. Lines after it (written before the kill, and about to
    be written again) are dropped from ``train_log.jsonl``, and TensorBoard purges them too.
    """

    def __init__(
        self,
        out_dir: Path,
        enabled: bool = True,
        report_to: Sequence[str] = ("tensorboard",),
        total_steps: int | None = None,
        resume_step: int | None = None,
        run_config: dict[str, Any] | None = None,
    ) -> None:
        self.enabled = enabled
        self.total = total_steps
        self._file = None
        self._tb: Any = None
        self._wandb: Any = None
        self._t0 = time.perf_counter()
        self._first_step: int | None = None
        if not enabled:
            return
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / LOG_FILE
        if resume_step is not None:
            truncate_log(path, resume_step)
        elif path.exists():
            path.unlink()
        self._file = path.open("a")
        if "tensorboard" in report_to:
            try:
                from torch.utils.tensorboard import SummaryWriter
            except ImportError:
                log.warning("report_to tensorboard: tensorboard is not installed; skipped")
            else:
                purge = None if resume_step is None else resume_step + 1
                self._tb = SummaryWriter(str(out_dir / "tensorboard"), purge_step=purge)
        if "wandb" in report_to:
            try:
                import wandb
            except ImportError:
                log.warning("report_to wandb: wandb is not installed; skipped")
            else:
                self._wandb = wandb.init(
                    dir=str(out_dir), name=out_dir.name, config=run_config or {}, resume="allow"
                )

    def log(self, record: dict[str, Any]) -> None:
        if not self.enabled or self._file is None:
            return
        self._file.write(json.dumps(record) + "\n")
        self._file.flush()
        log.info(self._console_line(record))
        step = record.get("step")
        scalars = {k: v for k, v in record.items() if isinstance(v, (int, float)) and k != "step"}
        if self._tb is not None and step is not None:
            for k, v in scalars.items():
                self._tb.add_scalar(f"train/{k}", v, step)
        if self._wandb is not None:
            self._wandb.log({f"train/{k}": v for k, v in scalars.items()}, step=step)

    def _console_line(self, record: dict[str, Any]) -> str:
        """``step 12/300 (4%) loss=... | 1.9 steps/s, eta 0:02:31``."""
        step = record.get("step")
        shown = " ".join(
            f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in record.items() if k != "step"
        )
        if step is None:
            return shown
        if self._first_step is None:  # rate counts only steps run by this process (not resumed ones)
            self._first_step = step - 1
        done, elapsed = step - self._first_step, time.perf_counter() - self._t0
        head = f"step {step}"
        if self.total:
            head += f"/{self.total} ({100 * step / self.total:.0f}%)"
        tail = ""
        if done > 0 and elapsed > 0:
            rate = done / elapsed
            tail = f" | {rate:.3g} steps/s" if rate >= 1 else f" | {1 / rate:.3g} s/step"
            if self.total:
                tail += f", eta {_fmt_duration(max(0, self.total - step) / rate)}"
        return f"{head} {shown}{tail}"

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        if self._tb is not None:
            self._tb.close()
            self._tb = None
        if self._wandb is not None:
            self._wandb.finish()
            self._wandb = None

    def __enter__(self) -> MetricsLogger:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def setup_stdout_logging(rank: int) -> None:
    """Progress and metrics to stdout (as the README says): INFO on rank 0, warnings elsewhere."""
    logging.basicConfig(
        level=logging.INFO if rank == 0 else logging.WARNING,
        format=f"%(asctime)s [rank{rank}] %(message)s",
        datefmt="%H:%M:%S",
        stream=sys.stdout,
        force=True,
    )
