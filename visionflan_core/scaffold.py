"""``vf-tasks new``: a dataset folder (reader, fixture script, test) or a task inside one.

Nothing here edits ``pyproject.toml``: a package has one entry point for all its dataset folders,
found when discovery runs, so a new folder in an editable install is listed at once. The dataset
file is written with ``TODO`` where only its author knows the facts (licence, citation, download,
what was verified); ``vf-tasks validate`` refuses the dataset until they are filled in.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .errors import VisionFlanError
from .plugin import DATASET_FILE, TASK_FILE
from .spec import DATASET_ID_PATTERN, TASK_ID_PATTERN

PACKAGE_INIT = '''"""Vision-Flan dataset folders: one per source dataset, each with one folder per task."""

from visionflan_core.plugin import dataset_folders

plugin = dataset_folders(__file__)
'''

_DATASET_YAML = """\
id: {dataset}
name: TODO the dataset's name as its authors write it
homepage: TODO https://...
license: TODO the licence, from the dataset's own documentation
citation: |-
  TODO the BibTeX entry
download: TODO where to obtain the files, and which archives
layout: |-
  records.jsonl        # one JSON object per line: {{"id", "image", "label"}}
  images/<file>        # the images the records name
format_notes: >-
  TODO what is verified about this format, against which source (URL or repository path), and
  what is a guess.
reader: ./reader.py:read_{dataset}
fields: [label_text]
"""

_READER = '''"""{dataset}: one record per line of ``records.jsonl`` (replace with the real format)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SourceRecord, as_object, load_jsonl, require


def read_{dataset}(
    context: ReadContext, root: Path, *, annotations: str = "records.jsonl"
) -> Iterator[SourceRecord]:
    """Records from ``annotations``; a malformed line is reported and skipped."""
    path = root / annotations

    def build(line: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        label = str(require(raw, "label")).strip()
        return SourceRecord(
            id=str(require(raw, "id")),
            images=(context.image(f"images/{{require(raw, 'image')}}"),),
            fields={{"label_text": label}},
            label=label,
        )

    yield from context.build_each(load_jsonl(context, path), build, file=path)
'''

_MAKE_FIXTURE = '''"""Write the {dataset} fixture: ``records.jsonl`` and three drawn images.

Run: ``python make_fixture.py`` (rewrites ``fixture/`` beside it, byte for byte the same every time).
"""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

RECORDS = [("1", "cat"), ("2", "dog"), ("3", "bird")]


def make_fixture(root: Path) -> None:
    lines = []
    for record_id, label in RECORDS:
        draw_image(root / "images" / f"{{record_id}}.png", seed=("{dataset}", record_id))
        lines.append(json.dumps({{"id": record_id, "image": f"{{record_id}}.png", "label": label}}))
    (root / "records.jsonl").write_text("\\n".join(lines) + "\\n", encoding="utf-8")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
'''

_TEST_READER = '''"""The {dataset} reader reads its fixture and reports a bad record without stopping."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import assert_fixture_regenerates, copy_fixture

from .reader import read_{dataset}

FIXTURE = Path(__file__).parent / "fixture"


def test_fixture_reads_clean() -> None:
    context = ReadContext("{dataset}", FIXTURE)
    records = list(read_{dataset}(context, FIXTURE))
    assert len(records) >= 3 and context.problems == []


def test_fixture_regenerates_byte_for_byte(tmp_path: Path) -> None:
    assert_fixture_regenerates(Path(__file__).parent / "make_fixture.py", tmp_path)


def test_missing_image_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "{dataset}")
    next((root / "images").iterdir()).unlink()
    context = ReadContext("{dataset}", root)
    records = list(read_{dataset}(context, root))
    assert [p.field for p in context.problems] == ["image"] and len(records) >= 2
'''

_TASK_YAML = """\
id: {task_id}
release_name: null
description: TODO one sentence on what the task asks.
category: {category}
group: classification
answer_type: label
version: 0.1.0
example_id: "{task_id}+{{record_id}}"
formatter:
  name: template
  options:
    template: "The image shows {{{{ label }}}}."
"""

_TEMPLATE = "What is shown in the image? Answer with its name.\n"


def ensure_package(package_dir: Path) -> bool:
    """Give ``package_dir`` the plugin ``__init__.py`` if it has none; True if one was written."""
    init = package_dir / "__init__.py"
    if init.exists():
        return False
    package_dir.mkdir(parents=True, exist_ok=True)
    init.write_text(PACKAGE_INIT, encoding="utf-8")
    return True


def scaffold_dataset(dataset: str, *, package_dir: Path) -> Path:
    """Create ``<package_dir>/<dataset>/`` with its dataset file, reader, fixture script and test."""
    if not re.match(DATASET_ID_PATTERN, dataset):
        raise VisionFlanError(f"dataset id {dataset!r} must match {DATASET_ID_PATTERN}")
    folder = package_dir / dataset
    if folder.exists():
        raise VisionFlanError(f"{folder} already exists")
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text(f'"""The {dataset} dataset folder."""\n', encoding="utf-8")
    for name, text in ((DATASET_FILE, _DATASET_YAML), ("reader.py", _READER),
                       ("make_fixture.py", _MAKE_FIXTURE), ("test_reader.py", _TEST_READER)):
        (folder / name).write_text(text.format(dataset=dataset), encoding="utf-8")
    subprocess.run([sys.executable, str(folder / "make_fixture.py")], check=True)
    return folder


def scaffold_task(dataset: str, name: str, *, package_dir: Path, category: str = "General Object",
                  task_id: str | None = None) -> Path:
    """Create ``<package_dir>/<dataset>/<name>/`` with a task file and its instruction template."""
    dataset_folder = package_dir / dataset
    if not (dataset_folder / DATASET_FILE).is_file():
        raise VisionFlanError(
            f"no dataset folder {dataset_folder} (missing {DATASET_FILE}): "
            f"create it first with `vf-tasks new {dataset}`"
        )
    task_id = task_id or f"{dataset}_{name}"
    for value, what in ((name, "task folder name"), (task_id, "task id")):
        if not re.match(TASK_ID_PATTERN, value):
            raise VisionFlanError(f"{what} {value!r} must match {TASK_ID_PATTERN}")
    folder = dataset_folder / name
    if folder.exists():
        raise VisionFlanError(f"{folder} already exists")
    folder.mkdir()
    (folder / TASK_FILE).write_text(_TASK_YAML.format(task_id=task_id, category=category),
                                    encoding="utf-8")
    (folder / "instruction.jinja").write_text(_TEMPLATE, encoding="utf-8")
    return folder
