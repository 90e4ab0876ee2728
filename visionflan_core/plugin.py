"""The plugin for a package of dataset folders: one entry point per distribution, no code per task.

In the package's ``__init__.py``::

    from visionflan_core.plugin import dataset_folders
    plugin = dataset_folders(__file__)

and in ``pyproject.toml``: ``[project.entry-points."visionflan.tasks"] my_package = "my_package:plugin"``.
Folders are found when discovery runs, so a new dataset or task folder in an editable install is
listed at once, with no reinstall and no edit of ``pyproject.toml``.
"""

from __future__ import annotations

import os
from pathlib import Path

from .hookspecs import hookimpl

DATASET_FILE = "dataset.yaml"
TASK_FILE = "task.yaml"


class DatasetFolders:
    """Every subfolder of one package directory that holds a ``dataset.yaml``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @hookimpl
    def visionflan_dataset_dirs(self) -> list[Path]:
        return sorted(
            Path(entry.path) for entry in os.scandir(self.root)
            if entry.is_dir() and not entry.name.startswith((".", "_"))
            and os.path.isfile(os.path.join(entry.path, DATASET_FILE))
        )

    def __repr__(self) -> str:
        return f"DatasetFolders({str(self.root)!r})"


def dataset_folders(package_file: str) -> DatasetFolders:
    """The plugin serving every dataset folder beside ``package_file`` (a package's ``__file__``)."""
    return DatasetFolders(Path(package_file).resolve().parent)
