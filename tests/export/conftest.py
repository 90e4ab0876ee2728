"""A fake task world for export tests: three dataset folders, one task each, and a reader we control.

The reader yields whatever image references ``records.json`` lists, so tests can point examples
at missing, corrupt, over-size or outside-the-root images.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

from visionflan_core.export.images import ImageOptions
from visionflan_core.export.pipeline import ShardHook, run_export
from visionflan_core.export.progress import Reporter
from visionflan_core.export.settings import RunOptions, Settings
from visionflan_core.export.spec import MixtureSpec
from visionflan_core.export.task_source import RegistrySource
from visionflan_core.registry import Registry, discover
from visionflan_core.scaffold import ensure_package
from visionflan_core.testing import draw_image

os.environ.setdefault("HF_HUB_OFFLINE", "1")

PACKAGE = "vf_export_fake_tasks"
# task id -> (dataset, category, release name, examples under --data-root)
TASKS = {
    "fake_alpha": ("coco", "General Object", "FAKE+alpha", 30),
    "fake_beta": ("pacs", "Perception", "FAKE+beta", 12),
    "fake_gamma": ("domain_net", "Scene Classification", "FAKE+gamma", 5),
}
READER = '''
import json
from visionflan_core.reader_kit import SourceRecord


def read(context, root, *, file="records.json"):
    for raw in json.loads((root / file).read_text()):
        yield SourceRecord(id=raw["id"], images=tuple(raw["images"]),
                           fields={"class_name": raw["label"]}, label=raw["label"])
'''
DATASET_YAML = """\
id: {dataset}
name: Fake {dataset}
license: CC0
citation: "@misc{{fake_{dataset}, title={{Fake}}}}"
download: nowhere
layout: records.json and images/<task>/<n>.png
format_notes: a test dataset whose records.json lists image references as given
reader: ./reader.py:read
fields: [class_name]
contributors: [tests]
"""
TASK_YAML = """\
id: {task}
release_name: {release}
category: {category}
group: classification
answer_type: label
version: 0.1.0
example_id: "{task}+{{record_id}}"
formatter: {{name: template, options: {{template: "The image shows {{{{ label }}}}."}}}}
"""


def write_records(root: Path, task: str, count: int, *, size: tuple[int, int] = (24, 20)) -> None:
    """``count`` drawn images and their ``records.json`` below ``root``."""
    records = []
    for index in range(count):
        name = f"images/{task}/{index:04d}.png"
        draw_image(root / name, seed=(task, index), size=size)
        records.append({"id": f"{index:04d}", "images": [name], "label": ["cat", "dog"][index % 2]})
    (root / "records.json").write_text(json.dumps(records))


@contextlib.contextmanager
def fake_world(project: Path, package_name: str, tasks: dict[str, tuple[str, str, str, int]],
               *, size: tuple[int, int] = (24, 20)) -> Iterator[dict[str, Any]]:
    """Dataset folders with one task each under ``project/package_name`` (importable while the
    context lasts), their fixtures, and a data root with ``count`` drawn records per task."""
    package = project / package_name
    ensure_package(package)
    for task, (dataset, category, release, _) in tasks.items():
        folder = package / dataset
        (folder / task).mkdir(parents=True)
        (folder / "dataset.yaml").write_text(DATASET_YAML.format(dataset=dataset))
        (folder / "reader.py").write_text(READER)
        (folder / task / "task.yaml").write_text(
            TASK_YAML.format(task=task, release=release, category=category))
        (folder / task / "instruction.jinja").write_text("What is shown in the image?\n")
        write_records(folder / "fixture", task, 3)
    data_root = project / "data"
    for task, (dataset, _, _, count) in tasks.items():
        write_records(data_root / dataset, task, count, size=size)
    sys.path.insert(0, str(project))
    try:
        yield {"project": project, "data_root": data_root}
    finally:
        sys.path.remove(str(project))
        sys.modules.pop(package_name, None)


def fake_registry(package_name: str, tasks: dict[str, tuple[str, str, str, int]]) -> Registry:
    """The fake package's tasks, found through its one entry point, with no broken plugin."""
    points = [EntryPoint(name=package_name, value=f"{package_name}:plugin", group="visionflan.tasks")]
    found = discover(group_entry_points=points, use_cache=False)
    assert sorted(found.entries) == sorted(tasks), found.broken
    return found


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Fake dataset folders, one task each (one entry point for the package), and a data root."""
    with fake_world(tmp_path_factory.mktemp("fake-project"), PACKAGE, TASKS) as made:
        yield made


@pytest.fixture(scope="session")
def registry(world: dict[str, Any]) -> Registry:
    return fake_registry(PACKAGE, TASKS)


@pytest.fixture(scope="session")
def data_root(world: dict[str, Any]) -> Path:
    return Path(world["data_root"])


def spec_of(**fields: Any) -> MixtureSpec:
    return MixtureSpec.model_validate({"name": "test", **fields})


def export(
    registry: Registry,
    out: Path,
    *,
    data_root: Path | None,
    formats: tuple[str, ...] = ("llava",),
    shard_size: int = 7,
    images: ImageOptions | None = None,
    strict: bool = False,
    allow_empty: bool = False,
    llava_single_file: bool = False,
    options: RunOptions | None = None,
    on_shard: ShardHook | None = None,
    **spec_fields: Any,
) -> dict[str, Any] | None:
    """Run an export of the fake registry with test-sized defaults."""
    spec = spec_of(**spec_fields)
    settings = Settings(formats=formats, shard_size=shard_size, images=images or ImageOptions(),
                        strict=strict, allow_empty=allow_empty, llava_single_file=llava_single_file)
    return run_export(RegistrySource(registry, spec, data_root), spec, out, settings, options,
                      reporter=Reporter(enabled=False), on_shard=on_shard)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}
