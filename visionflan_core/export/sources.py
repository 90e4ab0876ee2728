"""What every source of examples provides, and how a mixture picks registry tasks.

A source lists its tasks, yields lightweight :class:`Candidate` s per scan unit (cheap: no rendering,
no image access), and turns a kept candidate into an :class:`~visionflan_core.example.Example` plus
the image files behind it. Only kept candidates are ever rendered. Implementations:
:mod:`.task_source` (task loaders) and :mod:`.json_sources` (released Vision-Flan, LLaVA-Instruct).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..example import Example
from ..registry import Registry, TaskEntry
from .spec import MixtureSpec


@dataclass(frozen=True, slots=True)
class TaskInfo:
    """What manifests and quotas need to know about one task of the mixture."""

    id: str
    release_name: str | None
    category: str
    dataset: str | None
    version: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """One example before rendering; ``key`` is unique within the task and is what gets hashed."""

    task_id: str
    key: str
    payload: Any


@dataclass
class ScanLog:
    """What a scan reports besides candidates: malformed records and unknown task names."""

    problems: list[Problem] = field(default_factory=list)
    unknown: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image an example needs: ``ref`` below ``root``; ``namespace`` prefixes its output name."""

    root: Path
    ref: str
    namespace: str


@dataclass(frozen=True, slots=True)
class Materialised:
    """A rendered example and its images, in ``<image>`` order."""

    example: Example
    images: list[ImageRef]
    placed: bool = False  # ``<image>`` tokens already placed by the mixture's policy


class Source(ABC):
    """A kind of input; subclasses must be usable from forked worker processes."""

    kind: str

    @abstractmethod
    def tasks(self) -> list[TaskInfo]:
        """The mixture's tasks, sorted by id."""

    @abstractmethod
    def units(self) -> list[str]:
        """Independent scan units (one per task where possible, so scanning runs in parallel)."""

    @abstractmethod
    def scan(self, unit: str, log: ScanLog) -> Iterator[Candidate]:
        """Candidates of one unit; malformed input and unknown task names go to ``log``."""

    @abstractmethod
    def materialise(self, candidate: Candidate) -> Materialised:
        """Render a kept candidate (may raise :class:`~visionflan_core.errors.TaskError`)."""

    def template_hashes(self) -> dict[str, dict[str, str]]:
        """Per task, the sha256 of every template examples may come from."""
        return {}

    def datasets(self) -> dict[str, Any]:
        """Source-dataset entries by id (licence, citation); none unless a source knows them."""
        return {}

    def describe(self) -> dict[str, Any]:
        """Input provenance for ``info.json`` (no absolute paths: outputs must not depend on them)."""
        return {"kind": self.kind}


def selected_entries(registry: Registry, spec: MixtureSpec) -> list[TaskEntry]:
    """Registry entries chosen by ``spec.select`` minus ``spec.holdout``, sorted by id."""
    chosen: dict[str, TaskEntry] = {}
    for pattern in spec.select.include:
        for entry in registry.select(glob=pattern):
            chosen[entry.id] = entry
    held = {e.id for pattern in spec.holdout.tasks for e in registry.select(glob=pattern)}
    categories = {c.lower() for c in spec.select.categories}
    held_categories = {c.lower() for c in spec.holdout.categories}
    datasets = {d.lower() for d in spec.select.datasets}
    result = []
    for task_id in sorted(chosen):
        entry = chosen[task_id]
        category = entry.category.lower()
        if task_id in held or category in held_categories:
            continue
        if (categories and category not in categories) or (
            datasets and entry.dataset.id.lower() not in datasets
        ):
            continue
        result.append(chosen[task_id])
    return result


def task_info(entry: TaskEntry) -> TaskInfo:
    """The :class:`TaskInfo` of a registry entry."""
    return TaskInfo(entry.id, entry.release_name, entry.category, entry.dataset.id, entry.info.version)
