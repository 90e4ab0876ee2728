"""visionflan_core: the Vision-Flan task registry, templates, formatters, validation and CLI.

The public API is re-exported lazily so that ``vf-tasks list`` pays only for what it uses. Readers
import what they need from :mod:`visionflan_core.reader_kit`; fixtures and tests from
:mod:`visionflan_core.testing`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "discover": "registry",
    "Registry": "registry",
    "TaskEntry": "registry",
    "BrokenPlugin": "registry",
    "Task": "task",
    "TaskSpec": "spec",
    "Example": "example",
    "Turn": "example",
    "Provenance": "example",
    "SourceRecord": "records",
    "ReadContext": "records",
    "SkipRecord": "records",
    "require": "records",
    "Problem": "errors",
    "TaskError": "errors",
    "VisionFlanError": "errors",
    "DuplicateTaskError": "errors",
    "UnknownTaskError": "errors",
    "hookimpl": "hookspecs",
    "dataset_folders": "plugin",
    "DatasetFolders": "plugin",
    "DatasetEntry": "registry",
    "DatasetMetadata": "registry",
    "TaskMetadata": "registry",
    "DatasetSpec": "spec",
    "TaskFile": "spec",
    "example_rng": "seeding",
}

__all__ = [
    "BrokenPlugin",
    "DatasetEntry",
    "DatasetFolders",
    "DatasetMetadata",
    "DatasetSpec",
    "DuplicateTaskError",
    "Example",
    "Problem",
    "Provenance",
    "ReadContext",
    "Registry",
    "SkipRecord",
    "SourceRecord",
    "Task",
    "TaskEntry",
    "TaskError",
    "TaskFile",
    "TaskMetadata",
    "TaskSpec",
    "Turn",
    "UnknownTaskError",
    "VisionFlanError",
    "dataset_folders",
    "discover",
    "example_rng",
    "hookimpl",
    "require",
]

if TYPE_CHECKING:
    from .errors import (
        DuplicateTaskError,
        Problem,
        TaskError,
        UnknownTaskError,
        VisionFlanError,
    )
    from .example import Example, Provenance, Turn
    from .hookspecs import hookimpl
    from .plugin import DatasetFolders, dataset_folders
    from .records import ReadContext, SkipRecord, SourceRecord, require
    from .registry import (
        BrokenPlugin,
        DatasetEntry,
        DatasetMetadata,
        Registry,
        TaskEntry,
        TaskMetadata,
        discover,
    )
    from .seeding import example_rng
    from .spec import DatasetSpec, TaskFile, TaskSpec
    from .task import Task


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'visionflan_core' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
