"""Worker processes: the export context is installed once per process, jobs carry only data.

Processes are forked (Linux) so the registry, loaded tasks and the source are inherited instead
of pickled; ``workers=1`` runs every job in-process, which gives the same output.
"""

from __future__ import annotations

import multiprocessing
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


class Workers:
    """A process pool (or none) running jobs with a bounded number in flight."""

    def __init__(self, ctx: Any, workers: int) -> None:
        _install(ctx)
        self.pool: Pool | None = None
        if workers > 1:
            methods = multiprocessing.get_all_start_methods()
            method = "fork" if "fork" in methods else "spawn"
            self.pool = multiprocessing.get_context(method).Pool(workers, _install, (ctx,))
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
