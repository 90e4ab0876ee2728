"""pluggy hook specifications: how a distribution contributes task folders.

A plugin is any object with a ``visionflan_task_dirs`` hook implementation. Distributions expose
plugins through the ``visionflan.tasks`` entry-point group; :func:`visionflan_core.plugin.folder_plugins`
builds one plugin per task folder so a package needs no code of its own per task.
"""

from __future__ import annotations

from pathlib import Path

import pluggy

PROJECT = "visionflan"
ENTRY_POINT_GROUP = "visionflan.tasks"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class TaskHookSpecs:
    """The hooks a task plugin may implement."""

    @hookspec
    def visionflan_task_dirs(self) -> list[Path]:  # type: ignore[empty-body]
        """Return the task folders (each holding a ``task.yaml``) this plugin provides."""

    @hookspec
    def visionflan_dataset_files(self) -> list[Path]:  # type: ignore[empty-body]
        """Return YAML files of extra source datasets, in the format of the core's list."""
