"""pluggy hook specifications: how a distribution contributes dataset folders.

A plugin is any object with a ``visionflan_dataset_dirs`` hook implementation, exposed through one
entry point per distribution in the ``visionflan.tasks`` group. :func:`visionflan_core.plugin.dataset_folders`
builds that plugin for a package whose subfolders are dataset folders, so a package needs no code
of its own per dataset or task.
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
    def visionflan_dataset_dirs(self) -> list[Path]:  # type: ignore[empty-body]
        """Return dataset folders: each holds a ``dataset.yaml`` and one subfolder per task."""
