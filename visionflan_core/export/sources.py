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
from .selection import Broken, Known, select
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
    multi_task_units: bool = False  # True: one scan unit yields many tasks (spilled by task)

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

    def inputs(self) -> list[Path]:
        """Files and folders this source reads: ``--overwrite`` never deletes a folder holding one."""
        found = [getattr(self, name, None) for name in _INPUT_ATTRIBUTES]
        return [Path(path) for path in found if isinstance(path, (str, Path))]

    def broken_plugins(self) -> list[str]:
        """Names of plugins that could not be loaded (reported in ``info.json``, never exported)."""
        registry = getattr(self, "registry", None)
        return sorted({b.name for b in registry.broken}) if isinstance(registry, Registry) else []

    def places(self) -> list[tuple[Path | str, str]]:
        """Machine-specific folders and the names reports give them (see :mod:`.stable`)."""
        places: list[tuple[Path | str, str]] = []
        for attribute, label in _PLACE_ATTRIBUTES:
            value = getattr(self, attribute, None)
            if isinstance(value, (str, Path)):
                places.append((value, label))
        registry = getattr(self, "registry", None)
        if isinstance(registry, Registry):
            places.extend((entry.folder.parent, "<tasks>") for entry in registry)
        places.append((Path.home(), "~"))
        return list(dict.fromkeys(places))


_PLACE_ATTRIBUTES = (("data_root", "<data-root>"), ("image_root", "<images>"), ("json_file", "<json>"))
_INPUT_ATTRIBUTES = ("data_root", "spec_dir", "json_file", "image_root")


def selected_entries(registry: Registry, spec: MixtureSpec) -> list[TaskEntry]:
    """Registry entries chosen by ``spec.select`` minus ``spec.holdout``, sorted by id.

    Raises :class:`~.settings.ExportError` for a pattern or filter that matches no task and for a
    selected broken plugin (see :mod:`.selection`).
    """
    universe = [known(entry) for entry in registry]
    broken = [Broken(b.name, b.reason) for b in registry.broken]
    return [registry.entries[task_id] for task_id in select(universe, spec, broken)]


def known(entry: TaskEntry) -> Known:
    """What selection matches a registry entry on."""
    return Known(entry.id, entry.release_name, entry.category, entry.dataset.id)


def task_info(entry: TaskEntry) -> TaskInfo:
    """The :class:`TaskInfo` of a registry entry."""
    return TaskInfo(entry.id, entry.release_name, entry.category, entry.dataset.id, entry.info.version)
