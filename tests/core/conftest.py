"""Fake the world instead of installing it: dataset packages on a temp sys.path, fake entry points."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from visionflan_core.testing import draw_image

DATASET_YAML = """\
id: {dataset}
name: Shapes
homepage: https://example.org/shapes
license: CC0
download: nowhere, it is drawn
layout: <class>/<image>
format_notes: class folders of drawn images (a test fixture)
reader: visionflan_core.readers.image_folder:read_image_folder
fields: [class_name]
contributors: [tests]
"""

TASK_YAML = """\
id: {task_id}
release_name: Fake+{task_id}
category: General Object
group: classification
answer_type: label
version: 1.0.0
formatter: {{name: template, options: {{template: "It is {{{{ label }}}}."}}}}
"""


@pytest.fixture
def make_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., Path]]:
    """``make_package("pkg", {"task_a": TEMPLATE})`` -> a package with one dataset folder of tasks.

    Its entry point is ``entry_point("pkg", "pkg:plugin")``; the dataset id defaults to ``shapes``.
    """
    monkeypatch.syspath_prepend(str(tmp_path))
    made: list[str] = []

    def make(package: str, tasks: dict[str, str], *, dataset: str = "shapes",
             yaml: str = TASK_YAML) -> Path:
        root = tmp_path / package
        root.mkdir(exist_ok=True)
        sys.modules.pop(package, None)
        made.append(package)
        (root / "__init__.py").write_text(
            "from visionflan_core.plugin import dataset_folders\nplugin = dataset_folders(__file__)\n"
        )
        folder = root / dataset
        if not folder.exists():
            folder.mkdir()
            (folder / "dataset.yaml").write_text(DATASET_YAML.format(dataset=dataset))
            for index, name in enumerate(["cat/a.png", "cat/b.png", "dog/c.png"]):
                draw_image(folder / "fixture" / name, seed=(dataset, index))
        for task_id, template in tasks.items():
            (folder / task_id).mkdir()
            (folder / task_id / "task.yaml").write_text(yaml.format(task_id=task_id))
            (folder / task_id / "instruction.jinja").write_text(textwrap.dedent(template))
        return root

    yield make
    for package in made:
        sys.modules.pop(package, None)


def entry_point(name: str, value: str) -> EntryPoint:
    return EntryPoint(name=name, value=value, group="visionflan.tasks")


def plugin_of(package: str) -> EntryPoint:
    """The one entry point a package of dataset folders has."""
    return entry_point(package, f"{package}:plugin")
