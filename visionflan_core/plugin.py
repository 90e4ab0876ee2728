"""Helpers for packages that ship task folders: one entry point per folder, no per-task code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .hookspecs import hookimpl

TASK_FILE = "task.yaml"
DATASETS_FILE = "source_datasets.yaml"


class TaskFolderPlugin:
    """A pluggy plugin that contributes exactly one task folder."""

    __slots__ = ("folder",)

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __dir__(self) -> list[str]:
        # pluggy inspects every name dir() returns when registering; listing only the hook keeps
        # registration of hundreds of task plugins cheap (it is on the `vf-tasks list` path).
        return ["visionflan_dataset_files", "visionflan_task_dirs"]

    @hookimpl
    def visionflan_task_dirs(self) -> list[Path]:
        return [self.folder]

    @hookimpl
    def visionflan_dataset_files(self) -> list[Path]:
        """The package's own ``source_datasets.yaml``, if it ships one beside its task folders."""
        candidate = self.folder.parent / DATASETS_FILE
        return [candidate] if candidate.is_file() else []

    def __repr__(self) -> str:
        return f"TaskFolderPlugin({str(self.folder)!r})"


def folder_plugins(package_file: str) -> Callable[[str], TaskFolderPlugin]:
    """Build a module ``__getattr__`` that serves every task folder beside ``package_file``.

    In a package's ``__init__.py``: ``__getattr__ = folder_plugins(__file__)``; then an entry point
    ``my_task = "my_package:my_task"`` resolves to the plugin for ``my_package/my_task/``.
    """
    root = Path(package_file).resolve().parent

    def module_getattr(name: str) -> TaskFolderPlugin:
        folder = root / name
        if name.startswith("_") or not (folder / TASK_FILE).is_file():
            raise AttributeError(f"no task folder {name!r} in {root} (missing {TASK_FILE})")
        return TaskFolderPlugin(folder)

    return module_getattr
