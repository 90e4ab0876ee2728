"""Shared by the reader tests: read a task from a (corrupted) copy of its fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

from visionflan_core.errors import Problem
from visionflan_core.records import SourceRecord
from visionflan_core.registry import discover

FIXTURES = Path(__file__).parents[2] / "tasks" / "_fixtures"


def copy_fixture(source: Path, tmp_path: Path, name: str) -> Path:
    """A writable copy of ``source`` at ``tmp_path/name``, ready to be corrupted."""
    root = tmp_path / name
    shutil.copytree(source, root)
    return root


def read_task(task_id: str, root: Path) -> tuple[list[SourceRecord], list[Problem]]:
    """Every record the task reads from ``root``, and the problems reported on the way."""
    problems: list[Problem] = []
    records = list(discover().load(task_id).read(root, problems))
    return records, problems
