"""Per-task isolation: a task that cannot be loaded is a problem of that task, not of the export.

Before planning, every task of a registry source is loaded (metadata, templates, reader, formatter).
One that raises anything is reported as a problem naming the task and left out of scanning; it
stays listed, with nothing available, so the export names it as a lost task (and fails unless the
mixture holds it out or ``--allow-empty`` is given). Exceptions raised while a task's data is read
are caught per scan unit in :mod:`.plan`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import Problem, TaskError
from .sources import Candidate, Materialised, ScanLog, Source, TaskInfo
from .stable import describe_error, stable_text


class GuardedSource(Source):
    """``inner`` minus the tasks in ``failed``, which stay listed by :meth:`tasks`."""

    def __init__(self, inner: Source, listed: list[TaskInfo], failed: dict[str, Problem]) -> None:
        self.inner = inner
        self.kind = inner.kind
        self.multi_task_units = inner.multi_task_units
        self.listed = listed
        self.failed = failed

    def tasks(self) -> list[TaskInfo]:
        return self.listed

    def units(self) -> list[str]:
        return [unit for unit in self.inner.units() if unit not in self.failed]

    def scan(self, unit: str, log: ScanLog) -> Iterator[Candidate]:
        for candidate in self.inner.scan(unit, log):
            if candidate.task_id not in self.failed:
                yield candidate

    def materialise(self, candidate: Candidate) -> Materialised:
        return self.inner.materialise(candidate)

    def template_hashes(self) -> dict[str, dict[str, str]]:
        return self.inner.template_hashes()

    def datasets(self) -> dict[str, Any]:
        return self.inner.datasets()

    def describe(self) -> dict[str, Any]:
        return self.inner.describe()

    def inputs(self) -> list[Path]:
        return self.inner.inputs()

    def broken_plugins(self) -> list[str]:
        return self.inner.broken_plugins()

    def places(self) -> list[tuple[Path | str, str]]:
        return self.inner.places()


def guard(source: Source) -> GuardedSource:
    """Load every task of a registry source once; the ones that fail become problems."""
    from .task_source import RegistrySource

    listed = source.tasks()
    failed: dict[str, Problem] = {}
    inner = source
    if isinstance(source, RegistrySource):
        for info in listed:
            problem = _probe(source, info.id)
            if problem is not None:
                failed[info.id] = problem._replace(
                    message=stable_text(problem.message, source.places()),
                    file=stable_text(problem.file, source.places()) if problem.file else None)
        if failed:
            holdout = source.spec.holdout.model_copy(
                update={"tasks": [*source.spec.holdout.tasks, *sorted(failed)]})
            inner = dataclasses.replace(source, spec=source.spec.model_copy(update={"holdout": holdout}))
    return GuardedSource(inner, listed, failed)


def _probe(source: Any, task_id: str) -> Problem | None:
    try:
        task = source.registry.load(task_id)
        _ = task.templates, task.reader, task.formatter
    except TaskError as error:
        return error.problem._replace(message=f"task does not load: {error.problem.message}")
    except Exception as error:  # a plugin's own code: any exception is that task's problem only
        return Problem(task_id=task_id, message=f"task does not load: {describe_error(error)}")
    return None

