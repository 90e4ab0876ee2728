"""visionflan_core: the Vision-Flan task registry, templates, formatters, validation and CLI.

The public API is re-exported lazily so that ``vf-tasks list`` pays only for what it uses.
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
    "folder_plugins": "plugin",
    "TaskFolder": "plugin",
    "TaskFolderSet": "plugin",
    "example_rng": "seeding",
}

__all__ = [
    "BrokenPlugin",
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
    "TaskFolder",
    "TaskFolderSet",
    "TaskSpec",
    "Turn",
    "UnknownTaskError",
    "VisionFlanError",
    "discover",
    "example_rng",
    "folder_plugins",
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
    from .plugin import TaskFolder, TaskFolderSet, folder_plugins
    from .records import ReadContext, SkipRecord, SourceRecord, require
    from .registry import BrokenPlugin, Registry, TaskEntry, discover
    from .seeding import example_rng
    from .spec import TaskSpec
    from .task import Task


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'visionflan_core' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
