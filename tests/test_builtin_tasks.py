"""Every built-in task: its fixture loads, renders and matches the golden snapshot."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys

import pytest

from visionflan_core.registry import Registry, discover
from visionflan_core.validate import validate_task


@functools.cache
def _registry() -> Registry:
    return discover(use_cache=False)


def _builtin_ids() -> list[str]:
    return [e.id for e in discover(use_cache=False) if e.origin.startswith("visionflan ")]


def test_no_builtin_plugin_is_broken() -> None:
    assert [f"{b.name}: {b.reason}" for b in _registry().broken] == []


def test_builtin_task_count() -> None:
    assert len(_builtin_ids()) >= 38


@pytest.mark.parametrize("task_id", _builtin_ids())
def test_task_fixture_renders_and_matches_snapshot(task_id: str) -> None:
    registry = _registry()
    problems = validate_task(registry, registry.get(task_id))
    assert not problems, "\n".join(map(str, problems))


_PROBE = """
import sys
from visionflan_core.cli import cli
cli.main({args!r}, standalone_mode=False, prog_name="vf-tasks")
heavy = ["torch", "transformers", "datasets", "jinja2", "PIL", "yaml"]
task_code = [m for m in sys.modules if m.startswith("visionflan_dataset_code") or ".reader" in m]
print("IMPORTED", [m for m in heavy if m in sys.modules] + task_code, "pydantic" in sys.modules)
"""


def _probe(*args: str) -> str:
    command = [sys.executable, "-c", _PROBE.format(args=list(args))]
    return subprocess.run(command, env=dict(os.environ), capture_output=True, text=True, check=True).stdout


def test_list_imports_no_task_code_or_heavy_libraries() -> None:
    _probe("list", "--json")  # cold: fills the metadata cache
    output = _probe("list", "--json")
    listed = json.loads(output[: output.rindex("IMPORTED")])
    assert len(listed) == len(_registry())
    assert output.strip().endswith("IMPORTED [] False"), output[-300:]


def test_info_reads_metadata_only() -> None:
    _probe("info", "vqav2")  # cold: fills the metadata cache
    output = _probe("info", "vqav2")
    assert "visionflan_core.readers.vqa:read_vqa" in output
    assert "IMPORTED [] False" in output, output[-300:]
