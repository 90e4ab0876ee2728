"""A third-party package written from CONTRIBUTING.md alone validates beside the built-in tasks.

``acme_vf`` ships two datasets of its own: ``acme_shapes`` (a CSV label list, its own reader, two tasks
that differ only in ``task.yaml`` and template, one overriding a reader option) and ``acme_birds``
(a JSON reader that composes two photos into one derived image; one multiple-choice task using a shared
partial). It is built from strings in a temporary folder, its fixtures made by its own
``make_fixture.py``, found through the one entry point an installed distribution would have, and every
task must pass validation: snapshot written, then checked again. Nothing is exported.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from visionflan_core.hookspecs import ENTRY_POINT_GROUP
from visionflan_core.registry import discover
from visionflan_core.testing import regenerate
from visionflan_core.validate import validate_task

from .conftest import plugin_of

PACKAGE = "acme_vf"
DATASETS = ("acme_birds", "acme_shapes")
TASKS = ["acme_birds_species", "acme_shapes_colour_name", "acme_shapes_shape_name"]

SHAPES_DATASET = r'''id: acme_shapes
name: Acme Shapes
homepage: https://example.org/acme-shapes
license: CC BY 4.0
citation: |-
  @misc{acme2026shapes, title={Acme Shapes}, author={Acme Labs}, year={2026}}
download: https://example.org/acme-shapes/acme_shapes.zip (labels.csv and images/)
layout: |-
  labels.csv           # header file,shape,colour; one row per image
  images/<file>        # the images labels.csv names
format_notes: >-
  Verified against the Acme Shapes README: labels.csv has the header file,shape,colour and the images
  sit in images/. Record id = the image file name without its suffix (a guess).
reader: ./reader.py:read_acme_shapes
options:
  label: shape
fields: [shape, colour]
contributors: [Acme Labs]
'''

SHAPES_READER = r'''"""Acme Shapes: ``labels.csv`` (``file,shape,colour``) and ``images/<file>``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from visionflan_core.reader_kit import ReadContext, SourceRecord, load_rows, require


def read_acme_shapes(
    context: ReadContext, root: Path, *, labels: str = "labels.csv", image_dir: str = "images",
    label: str = "shape", encoding: str = "utf-8-sig",
) -> Iterator[SourceRecord]:
    """One record per row; ``label`` names the column the task asks for (``shape`` or ``colour``)."""
    path = root / labels

    def build(record_id: object, row: Any) -> SourceRecord:
        file_name = str(require(row, "file")).strip()
        return SourceRecord(
            id=PurePosixPath(file_name).stem,
            images=(context.image(f"{image_dir}/{file_name}"),),
            fields={"shape": str(require(row, "shape")).strip(),
                    "colour": str(require(row, "colour")).strip()},
            label=str(require(row, label)).strip(),
        )

    rows = load_rows(context, path, encoding=encoding)
    yield from context.build_each(((f"line {n}", row) for n, row in rows), build, file=path)
'''

SHAPES_MAKE_FIXTURE = r'''"""The Acme Shapes fixture: labels.csv and images/<name>.png (the real layout)."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

ROWS = [("s1.png", "circle", "red"), ("s2.png", "square", "blue"), ("s3.png", "triangle", "green"),
        ("s4.png", "circle", "yellow")]
SHAPE = {"circle": "ellipse", "square": "rectangle", "triangle": "triangle"}


def make_fixture(root: Path) -> None:
    """Write the fixture into the empty folder ``root``."""
    for name, shape, _ in ROWS:
        draw_image(root / "images" / name, seed=("acme_shapes", name), shape=SHAPE[shape])
    write_text(root / "labels.csv", "file,shape,colour\n" + "".join(f"{n},{s},{c}\n" for n, s, c in ROWS))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
'''

SHAPES_TEST_READER = r'''"""A bad row is reported and the others kept; make_fixture.py is exact."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import assert_fixture_regenerates, copy_fixture

from .reader import read_acme_shapes

FIXTURE = Path(__file__).parent / "fixture"


def test_make_fixture_rebuilds_the_fixture(tmp_path: Path) -> None:
    assert_fixture_regenerates(Path(__file__).parent / "make_fixture.py", tmp_path)


def test_a_missing_image_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "acme_shapes")
    (root / "images" / "s2.png").unlink()
    context = ReadContext("acme_shapes_shape_name", root)
    records = list(read_acme_shapes(context, root))
    assert [p.field for p in context.problems] == ["image"] and len(records) == 3
'''

SHAPE_NAME_TASK = r'''id: acme_shapes_shape_name
release_name: null
description: Name the shape drawn in an Acme Shapes image.
category: General Object
group: classification
answer_type: label
version: 1.0.0
example_id: "{task_id}+{record_id}"
formatter:
  name: template
  options:
    template: "The shape in the image is a {{ label }}."
'''

COLOUR_NAME_TASK = r'''id: acme_shapes_colour_name
release_name: null
description: Name the colour an Acme Shapes image is labelled with.
category: General Object
group: classification
answer_type: label
version: 1.0.0
example_id: "{task_id}+{record_id}"
options:
  label: colour
'''

BIRDS_DATASET = r'''id: acme_birds
name: Acme Birds
homepage: https://example.org/acme-birds
license: CC BY-NC 4.0
citation: |-
  @misc{acme2026birds, title={Acme Birds}, author={Acme Labs}, year={2026}}
download: https://example.org/acme-birds/ (annotations.json and photos.zip)
layout: |-
  annotations.json     # {"data": [{id, front, back, habitat, species, candidates}]}
  photos/<file>        # the front and back photos the entries name
format_notes: >-
  Verified against the Acme Birds README: annotations.json wraps the entries in "data"; front and back
  are file names under photos/. The two photos are shown side by side as one composed image (our
  choice). Record id = the entry's id.
reader: ./reader.py:read_acme_birds
fields: [habitat]
contributors: [Acme Labs]
'''

BIRDS_READER = r'''"""Acme Birds: ``annotations.json`` ({"data": [...]}) and ``photos/<file>``."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PIL import Image
from visionflan_core.reader_kit import (
    ReadContext,
    SourceRecord,
    as_object,
    choice_index,
    load_shaped,
    require,
)


def read_acme_birds(
    context: ReadContext, root: Path, *, annotations: str = "annotations.json",
    image_dir: str = "photos", encoding: str = "utf-8",
) -> Iterator[SourceRecord]:
    """One record per entry: front and back photo composed side by side; candidates are the choices."""
    path = root / annotations
    entries = load_shaped(context, path, list, "data", encoding=encoding)
    if entries is None:  # missing, broken or wrongly shaped: already reported
        return

    def build(record_id: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        choices = tuple(str(c) for c in require(raw, "candidates"))
        photos = [context.image(f"{image_dir}/{require(raw, key)}") for key in ("front", "back")]
        digest = hashlib.sha256("|".join(photos).encode()).hexdigest()[:12]
        sources = [root / photo for photo in photos]
        panel = context.derived(f"{require(raw, 'id')}-{digest}.png", _side_by_side(sources),
                                sources=sources)
        return SourceRecord(
            id=str(require(raw, "id")),
            images=(panel,),
            fields={"habitat": str(require(raw, "habitat"))},
            label=str(require(raw, "species")),
            choices=choices,
            answer_index=choice_index(choices, require(raw, "species"), field="species"),
        )

    yield from context.build_each(enumerate(entries), build, file=path)


def _side_by_side(sources: list[Path]) -> Callable[[Path], None]:
    def build(target: Path) -> None:
        images = [Image.open(source).convert("RGB") for source in sources]
        panel = Image.new("RGB", (sum(i.width for i in images), max(i.height for i in images)), "white")
        left = 0
        for image in images:
            panel.paste(image, (left, 0))
            left += image.width
        panel.save(target)

    return build
'''

BIRDS_MAKE_FIXTURE = r'''"""The Acme Birds fixture: annotations.json and photos/<id>_{front,back}.jpg."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_json

BIRDS = [("b1", "wetland", "heron"), ("b2", "forest", "woodpecker"), ("b3", "coast", "gull")]
CANDIDATES = ["heron", "woodpecker", "gull", "sparrow"]


def make_fixture(root: Path) -> None:
    """Write the fixture into the empty folder ``root``."""
    entries = []
    for bird_id, habitat, species in BIRDS:
        for side in ("front", "back"):
            draw_image(root / "photos" / f"{bird_id}_{side}.jpg", seed=("acme_birds", bird_id, side))
        entries.append({"id": bird_id, "front": f"{bird_id}_front.jpg", "back": f"{bird_id}_back.jpg",
                        "habitat": habitat, "species": species, "candidates": CANDIDATES})
    write_json(root / "annotations.json", {"version": "1.0", "data": entries})


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
'''

BIRDS_TEST_READER = r'''"""A bad entry is reported and the others kept; make_fixture.py is exact."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import assert_fixture_regenerates, copy_fixture

from .reader import read_acme_birds

FIXTURE = Path(__file__).parent / "fixture"


def test_make_fixture_rebuilds_the_fixture(tmp_path: Path) -> None:
    assert_fixture_regenerates(Path(__file__).parent / "make_fixture.py", tmp_path)


def test_bad_entries_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "acme_birds")
    (root / "photos" / "b1_back.jpg").unlink()
    data = json.loads((root / "annotations.json").read_text())
    data["data"][1]["species"] = "ostrich"
    (root / "annotations.json").write_text(json.dumps(data))
    context = ReadContext("acme_birds_species", root)
    records = list(read_acme_birds(context, root))
    assert [(p.record_id, p.field) for p in context.problems] == [("0", "image"), ("1", "species")]
    assert [r.id for r in records] == ["b3"]
'''

SPECIES_TASK = r'''id: acme_birds_species
release_name: null
description: Pick the species of a bird shown from the front and the back, among four candidates.
category: Animal Classification
group: classification
answer_type: multiple_choice
version: 1.0.0
example_id: "{task_id}+{record_id}"
choices:
  labels: lower
  shuffle: true
formatter:
  name: choice
'''

SPECIES_TEMPLATE = (
    "Which species is the bird shown from the front (left) and the back (right), "
    "in a {{ habitat }} habitat?\n"
    '{% include "options/lower_paren.jinja" %}\n'
)

FILES: dict[str, str] = {
    "__init__.py":
        "from visionflan_core.plugin import dataset_folders\n\nplugin = dataset_folders(__file__)\n",
    "acme_shapes/__init__.py": '"""The Acme Shapes dataset folder."""\n',
    "acme_shapes/dataset.yaml": SHAPES_DATASET,
    "acme_shapes/reader.py": SHAPES_READER,
    "acme_shapes/make_fixture.py": SHAPES_MAKE_FIXTURE,
    "acme_shapes/test_reader.py": SHAPES_TEST_READER,
    "acme_shapes/shape_name/task.yaml": SHAPE_NAME_TASK,
    "acme_shapes/shape_name/instruction.jinja":
        "What shape is drawn on the {{ colour }} background? Answer with its name.\n",
    "acme_shapes/colour_name/task.yaml": COLOUR_NAME_TASK,
    "acme_shapes/colour_name/instruction.jinja":
        "The image shows a {{ shape }}. Which colour is it labelled with?\n",
    "acme_birds/__init__.py": '"""The Acme Birds dataset folder."""\n',
    "acme_birds/dataset.yaml": BIRDS_DATASET,
    "acme_birds/reader.py": BIRDS_READER,
    "acme_birds/make_fixture.py": BIRDS_MAKE_FIXTURE,
    "acme_birds/test_reader.py": BIRDS_TEST_READER,
    "acme_birds/species/task.yaml": SPECIES_TASK,
    "acme_birds/species/instruction.jinja": SPECIES_TEMPLATE,
}


def _forget_package() -> None:
    for name in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
        del sys.modules[name]


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``acme_vf`` written from the strings above, its fixtures made by its own scripts."""
    root = tmp_path / "site" / PACKAGE
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(root.parent))
    _forget_package()
    for dataset in DATASETS:
        script = importlib.import_module(f"{PACKAGE}.{dataset}.make_fixture")
        assert script.__file__ is not None
        regenerate(script.make_fixture, script.__file__)
    yield root
    _forget_package()


def test_every_task_of_the_package_validates(package: Path) -> None:
    registry = discover(group_entry_points=[plugin_of(PACKAGE)])
    assert registry.broken == []
    assert list(registry.entries) == TASKS
    for entry in registry:
        assert validate_task(registry, entry, update_snapshot=True) == [], entry.id
        assert (entry.folder / "snapshot.json").is_file()
    fresh = discover(group_entry_points=[plugin_of(PACKAGE)])
    for entry in fresh:
        problems = validate_task(fresh, entry)
        assert problems == [], "\n".join(map(str, problems))

    colour = fresh.load("acme_shapes_colour_name").spec.source
    assert colour.options == {"label": "colour"} and colour.fields == ["shape", "colour"]
    (first, *_) = json.loads((package / "acme_birds" / "species" / "snapshot.json").read_text())
    assert first["id"] == "acme_birds_species+b1" and first["images"][0].startswith("derived:")
    assert first["conversations"][1]["value"].endswith(") heron")


def test_its_datasets_are_listed_with_their_licences_beside_the_builtins(package: Path) -> None:
    installed = list(entry_points(group=ENTRY_POINT_GROUP))
    registry = discover(group_entry_points=[*installed, plugin_of(PACKAGE)])
    datasets = registry.datasets()
    assert datasets["acme_shapes"].license == "CC BY 4.0"
    assert datasets["acme_birds"].license == "CC BY-NC 4.0"
    assert "inaturalist" in datasets and set(TASKS) <= set(registry.entries)
    assert registry.get("acme_birds_species").dataset.folder == package / "acme_birds"


def test_its_own_reader_tests_pass(package: Path, tmp_path: Path) -> None:
    for dataset in DATASETS:
        tests = importlib.import_module(f"{PACKAGE}.{dataset}.test_reader")
        for name in sorted(n for n in dir(tests) if n.startswith("test_")):
            scratch = tmp_path / "scratch" / dataset / name
            scratch.mkdir(parents=True)
            getattr(tests, name)(scratch)
