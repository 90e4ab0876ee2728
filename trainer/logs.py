"""Step metrics to stdout and ``OUT/train_log.jsonl`` (plus TensorBoard when it is installed)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from types import TracebackType
from typing import Any

log = logging.getLogger("visionflan_trainer")


class MetricsLogger:
    """Rank-0 sink for per-step metrics; other ranks get a no-op instance."""

    def __init__(self, out_dir: Path, enabled: bool = True, tensorboard: bool = True) -> None:
        self.enabled = enabled
        self._file = None
        self._tb: Any = None
        if not enabled:
            return
        out_dir.mkdir(parents=True, exist_ok=True)
        self._file = (out_dir / "train_log.jsonl").open("a")
        if tensorboard:
            try:
                from torch.utils.tensorboard import SummaryWriter

                self._tb = SummaryWriter(str(out_dir / "tensorboard"))
            except ImportError:  # tensorboard is optional
                self._tb = None

    def log(self, record: dict[str, Any]) -> None:
        if not self.enabled or self._file is None:
            return
        self._file.write(json.dumps(record) + "\n")
        self._file.flush()
        shown = " ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in record.items())
        log.info(shown)
        if self._tb is not None and "step" in record:
            for k, v in record.items():
                if isinstance(v, (int, float)) and k != "step":
                    self._tb.add_scalar(f"train/{k}", v, record["step"])

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        if self._tb is not None:
            self._tb.close()
            self._tb = None

    def __enter__(self) -> MetricsLogger:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def setup_stdout_logging(rank: int) -> None:
    """INFO on rank 0, warnings only elsewhere, so multi-process logs stay readable."""
    logging.basicConfig(
        level=logging.INFO if rank == 0 else logging.WARNING,
        format=f"%(asctime)s [rank{rank}] %(message)s",
        datefmt="%H:%M:%S",
        force=True,
    )
