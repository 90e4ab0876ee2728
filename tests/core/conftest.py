"""Fake the world instead of installing it: task packages on a temp sys.path, fake entry points."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from visionflan_core.testing import draw_image

TASK_YAML = """\
id: {task_id}
release_name: Fake+{task_id}
dataset: coco
category: General Object
group: classification
answer_type: label
version: 1.0.0
contributors: [tests]
formatter: {{name: template, options: {{template: "It is {{{{ label }}}}."}}}}
source:
  reader: visionflan_core.readers.image_folder:read_image_folder
  fields: [class_name]
  layout: <class>/<image>
  download: nowhere
"""


@pytest.fixture
def make_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., Path]]:
    """``make_package("pkg", {"task_a": TEMPLATE})`` -> an importable package of task folders."""
    monkeypatch.syspath_prepend(str(tmp_path))
    made: list[str] = []

    def make(package: str, tasks: dict[str, str], *, yaml: str = TASK_YAML) -> Path:
        root = tmp_path / package
        root.mkdir(exist_ok=True)
        sys.modules.pop(package, None)
        made.append(package)
        (root / "__init__.py").write_text(
            "from visionflan_core.plugin import folder_plugins\n__getattr__ = folder_plugins(__file__)\n"
        )
        for task_id, template in tasks.items():
            folder = root / task_id
            folder.mkdir()
            (folder / "task.yaml").write_text(yaml.format(task_id=task_id))
            (folder / "instruction.jinja").write_text(textwrap.dedent(template))
            for index, name in enumerate(["cat/a.png", "cat/b.png", "dog/c.png"]):
                draw_image(folder / "fixture" / name, seed=(task_id, index))
        return root

    yield make
    for package in made:
        sys.modules.pop(package, None)


def entry_point(name: str, value: str) -> EntryPoint:
    return EntryPoint(name=name, value=value, group="visionflan.tasks")
