"""``vf-tasks new``: a task folder that validates as created, and its entry-point line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from .errors import VisionFlanError
from .spec import TASK_ID_PATTERN
from .testing import draw_image

ENTRY_POINT_TABLE = '[project.entry-points."visionflan.tasks"]'
BUILTIN_PACKAGE = "visionflan_tasks"

_TASK_YAML = """\
id: {task_id}
release_name: null
description: TODO one sentence on what the task asks.
dataset: {dataset}
category: {category}
group: classification
answer_type: label
images_per_instance: 1
version: 0.1.0
contributors: [TODO your name]
example_id: "{task_id}+{{record_id}}"
formatter:
  name: template
  options:
    template: "The image shows {{{{ label }}}}."
source:
  reader: visionflan_core.readers.image_folder:read_image_folder
  options: {{subdir: images}}
  fields: [class_name]
  layout: images/<class name>/<image file>
  download: TODO where to get the data
  format_notes: TODO what is verified about the format and what is a guess
"""

_TEMPLATE = "What is shown in the image? Answer with the name of the object.\n"


def scaffold_task(
    task_id: str,
    *,
    project_dir: Path,
    package: str | None = None,
    package_dir: Path | None = None,
    dataset: str = "coco",
    category: str = "General Object",
) -> tuple[Path, str]:
    """Create ``<package dir>/<task_id>/`` and register it; returns the folder and the line."""
    if not re.match(TASK_ID_PATTERN, task_id):
        raise VisionFlanError(f"task id {task_id!r} must match {TASK_ID_PATTERN}")
    pyproject = project_dir / "pyproject.toml"
    if not pyproject.is_file():
        raise VisionFlanError(f"no pyproject.toml in {project_dir}")
    package = package or BUILTIN_PACKAGE
    if package_dir is None:
        package_dir = project_dir / ("tasks" if package == BUILTIN_PACKAGE else package)
    _check_dataset(dataset, package_dir)
    folder = package_dir / task_id
    if folder.exists():
        raise VisionFlanError(f"{folder} already exists")
    text = pyproject.read_text(encoding="utf-8")
    registered = tomllib.loads(text).get("project", {}).get("entry-points", {})
    if task_id in registered.get("visionflan.tasks", {}):
        raise VisionFlanError(f"{task_id} already has an entry point in {pyproject}")

    if not (package_dir / "__init__.py").exists():
        package_dir.mkdir(parents=True, exist_ok=True)
        (package_dir / "__init__.py").write_text(
            "from visionflan_core.plugin import folder_plugins\n\n"
            "__getattr__ = folder_plugins(__file__)\n", encoding="utf-8")
    folder.mkdir(parents=True)
    (folder / "task.yaml").write_text(
        _TASK_YAML.format(task_id=task_id, dataset=dataset, category=category), encoding="utf-8")
    (folder / "instruction.jinja").write_text(_TEMPLATE, encoding="utf-8")
    for index, name in enumerate(["cat/1.png", "cat/2.png", "dog/1.png"]):
        draw_image(folder / "fixture" / "images" / name, seed=(task_id, index))

    line = f'{task_id} = "{package}:{task_id}"'
    pyproject.write_text(_add_entry_point(text, line), encoding="utf-8")
    return folder, line


def _check_dataset(dataset: str, package_dir: Path) -> None:
    """A scaffold must validate as created, so its dataset id must already be known."""
    from .catalog import source_datasets
    from .plugin import DATASETS_FILE

    own = package_dir / DATASETS_FILE
    known = source_datasets((own,) if own.is_file() else ())
    if dataset not in known:
        raise VisionFlanError(
            f"unknown dataset {dataset!r}: add it to {own} (name, homepage, license, citation) "
            "first, or pick one of: " + ", ".join(known)
        )


def package_data_missing(pyproject: Path, package: str) -> bool:
    """True if a third-party pyproject does not ship its task folders' data files."""
    if package == BUILTIN_PACKAGE:
        return False
    tool = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    return package not in tool.get("setuptools", {}).get("package-data", {})


def _add_entry_point(text: str, line: str) -> str:
    """Insert ``line`` at the end of the entry-point table, creating the table if needed."""
    lines = text.splitlines()
    if ENTRY_POINT_TABLE not in lines:
        return text.rstrip("\n") + f"\n\n{ENTRY_POINT_TABLE}\n{line}\n"
    start = lines.index(ENTRY_POINT_TABLE) + 1
    end = start
    while end < len(lines) and not lines[end].startswith("["):
        end += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    lines.insert(end, line)
    return "\n".join(lines) + "\n"
