"""LAD: ``LAD_annotations/{label_list,attribute_list,attributes}.txt`` over ``LAD_images/<path>``.

Every file is ``", "``-separated text, one row per line:

- ``label_list.txt``: ``Label_V_03, touring car, <Chinese name>``
- ``attribute_list.txt``: ``Attr_V_001, <English name>, <Chinese name>`` (359 rows, all super-classes)
- ``attributes.txt``: ``<label id>, <image path>, [ 0 1 ... ]``, the instance-level vector with one
  0/1 per row of ``attribute_list.txt``, in that order.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows


def read_lad(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "LAD_annotations",
    image_dir: str = "LAD_images",
) -> Iterator[SourceRecord]:
    """One record per row of ``attributes.txt``, id = the image's file name (``<md5>.jpg``).

    Fields: ``class_name`` (English, from ``label_list.txt``) and ``attributes`` (English names of
    the attributes whose value is 1, in list order); the label is ``class_name``.
    """
    classes = _names(context, root / annotations / "label_list.txt")
    names = list(_names(context, root / annotations / "attribute_list.txt").values())
    path = root / annotations / "attributes.txt"
    if not classes or not names:
        return

    def build(record_id: object, row: list[str]) -> SourceRecord:
        if len(row) < 3:
            raise SkipRecord("needs a label id, an image path and a vector", field="attributes")
        label_id, image_path, vector = row[0], ", ".join(row[1:-1]), row[-1]
        if label_id not in classes:
            raise SkipRecord(f"label {label_id!r} is not in label_list.txt", field="label")
        values = vector.strip().removeprefix("[").removesuffix("]").split()
        if len(values) != len(names) or any(v not in ("0", "1") for v in values):
            raise SkipRecord(f"vector is not {len(names)} values of 0 or 1", field="attributes")
        image = context.image(f"{image_dir}/{image_path}")
        positive = [name for name, value in zip(names, values, strict=True) if value == "1"]
        return SourceRecord(id=Path(image_path).name, images=(image,),
                            fields={"class_name": classes[label_id], "attributes": positive},
                            label=classes[label_id])

    yield from context.build_each(_rows(context, path), build, file=path)


def _rows(context: ReadContext, path: Path) -> list[tuple[Any, list[str]]]:
    """``(line <n>, stripped cells)`` for every row of a comma-separated annotation file."""
    return [(f"line {number}", [cell.strip() for cell in row])
            for number, row in load_rows(context, path, header=False)]


def _names(context: ReadContext, path: Path) -> dict[str, str]:
    """``{id: English name}`` from a ``<id>, <English>, <Chinese>`` list (an English name may hold commas)."""
    names: dict[str, str] = {}
    for record, row in _rows(context, path):
        if len(row) < 3 or not row[0] or not row[1]:
            context.problem("needs an id, an English and a Chinese name", file=path, record_id=record)
            continue
        names[row[0]] = ", ".join(row[1:-1])
    if not names and path.is_file():
        context.problem("no names in the list", file=path)
    return names
