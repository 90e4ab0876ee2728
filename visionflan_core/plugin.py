"""Helpers for packages that ship task folders: one entry point per folder, no per-task code.

An entry point such as ``my_task = "my_package:my_task"`` resolves to a :class:`TaskFolder`.
Discovery gathers every folder of one distribution into a single :class:`TaskFolderSet`, the
pluggy plugin that implements the hooks for them: registering a plugin costs pluggy a signature
inspection per hook, which per folder would grow `vf-tasks list` with every task added.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from .hookspecs import hookimpl

TASK_FILE = "task.yaml"
DATASETS_FILE = "source_datasets.yaml"


class TaskFolder(NamedTuple):
    """What a task-folder entry point resolves to."""

    folder: Path


class TaskFolderSet:
    """The pluggy plugin for the task folders one distribution's entry points named."""

    def __init__(self) -> None:
        self.folders: list[Path] = []
        self.origins: dict[Path, str] = {}

    def add(self, folder: Path, origin: str) -> None:
        self.folders.append(folder)
        self.origins.setdefault(folder, origin)

    @hookimpl
    def visionflan_task_dirs(self) -> list[Path]:
        return list(self.folders)

    @hookimpl
    def visionflan_dataset_files(self) -> list[Path]:
        """Each package's own ``source_datasets.yaml``, if it ships one beside its task folders."""
        candidates = sorted({folder.parent / DATASETS_FILE for folder in self.folders})
        return [path for path in candidates if path.is_file()]

    def __repr__(self) -> str:
        return f"TaskFolderSet({len(self.folders)} folders)"


def folder_plugins(package_file: str) -> Callable[[str], TaskFolder]:
    """Build a module ``__getattr__`` that serves every task folder beside ``package_file``.

    In a package's ``__init__.py``: ``__getattr__ = folder_plugins(__file__)``; then an entry point
    ``my_task = "my_package:my_task"`` resolves to the folder ``my_package/my_task/``.
    """
    root = Path(package_file).resolve().parent

    def module_getattr(name: str) -> TaskFolder:
        folder = root / name
        if name.startswith("_") or not (folder / TASK_FILE).is_file():
            raise AttributeError(f"no task folder {name!r} in {root} (missing {TASK_FILE})")
        return TaskFolder(folder)

    return module_getattr
