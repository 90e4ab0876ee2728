"""Worker processes: the export context is installed once per process, jobs carry only data.

Processes are forked (Linux) so the registry, loaded tasks and the source are inherited instead
of pickled; ``workers=1`` runs every job in-process, which gives the same output.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_CONTEXT: Any = None


def context() -> Any:
    """The context of the running export (in a worker or in the main process)."""
    if _CONTEXT is None:
        raise RuntimeError("no export context installed")
    return _CONTEXT


def _install(value: Any) -> None:
    global _CONTEXT
    _CONTEXT = value


def _worker_start(value: Any, parent: int) -> None:
    """Pool initializer: install the context, and die with the parent (never write on alone)."""
    _install(value)
    exit_with_parent(parent)


def exit_with_parent(parent: int) -> None:
    """End this process as soon as ``parent`` is gone.

    On Linux the kernel does it (``PR_SET_PDEATHSIG``); elsewhere a daemon thread polls the parent
    id once a second. Either way a parent that died before this call is caught at once.
    """
    if _set_death_signal():
        if os.getppid() != parent:
            os._exit(1)
        return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _set_death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        return bool(libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


class Workers:
    """A process pool (or none) running jobs with a bounded number in flight."""

    def __init__(self, ctx: Any, workers: int) -> None:
        _install(ctx)
        self.pool: Pool | None = None
        if workers > 1:
            methods = multiprocessing.get_all_start_methods()
            method = "fork" if "fork" in methods else "spawn"
            self.pool = multiprocessing.get_context(method).Pool(workers, _worker_start,
                                                                 (ctx, os.getpid()))
        self.window = 2 * max(workers, 1)

    def map(self, job: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``job`` over ``items``, results in input order, at most ``window`` jobs pending."""
        if self.pool is None:
            yield from map(job, items)
            return
        pending: deque[AsyncResult[R]] = deque()
        for item in items:
            pending.append(self.pool.apply_async(job, (item,)))
            if len(pending) >= self.window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
