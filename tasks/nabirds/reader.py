"""NABirds: space-separated lists keyed by a dashed UUID, images at ``images/<class>/<uuid>.jpg``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows


def read_nabirds(
    context: ReadContext, root: Path, *, base: str = "nabirds", label: str = "species"
) -> Iterator[SourceRecord]:
    """One record per line of ``images.txt``; the record id is the image file stem.

    ``label="species"``: the ``classes.txt`` name of the image's class. ``label="parts"``: the names of
    the parts marked visible in ``parts/part_locs.txt``, in part-id order (images with none are left
    out). Bad lines, unknown classes or parts and missing images are reported per image.
    """
    folder = root / base
    classes = _names(context, folder / "classes.txt")
    labels = {row[0]: row[1] for _, row in load_rows(context, folder / "image_class_labels.txt",
                                                     delimiter=" ", header=False) if len(row) >= 2}
    visible: dict[str, list[str]] = {}
    if label == "parts":
        part_names = _names(context, folder / "parts" / "parts.txt")
        order = {name: int(key) for key, name in part_names.items() if key.isdigit()}
        locs = folder / "parts" / "part_locs.txt"
        for number, row in load_rows(context, locs, delimiter=" ", header=False):
            if len(row) != 5 or row[1] not in part_names or row[4] not in ("0", "1"):
                context.problem(f"line {number} is not '<uuid> <known part id> <x> <y> <0|1>'", file=locs,
                                record_id=row[0], field="parts")
                continue
            names = visible.setdefault(row[0], [])
            if row[4] == "1":
                names.append(part_names[row[1]])
        for names in visible.values():
            names.sort(key=order.__getitem__)
    elif label != "species":
        raise ValueError(f"label must be 'species' or 'parts', not {label!r}")

    def build(image_id: object, path: Any) -> SourceRecord | None:
        class_id = labels.get(str(image_id))
        if class_id is None:
            raise SkipRecord("image has no line in image_class_labels.txt", field="class")
        if class_id not in classes:
            raise SkipRecord(f"class {class_id} is not in classes.txt", field="class")
        species = classes[class_id]
        image = context.image(f"{base}/images/{path}")
        if label == "species":
            return SourceRecord(id=PurePosixPath(path).stem, images=(image,), fields={"species": species},
                                label=species)
        parts = visible.get(str(image_id))
        if parts is None:
            raise SkipRecord("image has no line in parts/part_locs.txt", field="parts")
        if not parts:
            return None
        return SourceRecord(id=PurePosixPath(path).stem, images=(image,),
                            fields={"species": species, "visible_parts": parts}, label=parts)

    listing = folder / "images.txt"
    rows = load_rows(context, listing, delimiter=" ", header=False)
    items = ((row[0], " ".join(row[1:])) for _, row in rows)
    yield from context.build_each(items, build, file=listing)


def _names(context: ReadContext, path: Path) -> dict[str, str]:
    """``{id: name}`` from lines ``<id> <name, may contain spaces>``; a line without a name is reported."""
    names: dict[str, str] = {}
    for number, row in load_rows(context, path, delimiter=" ", header=False):
        if len(row) < 2:
            context.problem(f"line {number} has no name", file=path, record_id=row[0], field="name")
            continue
        names[row[0]] = " ".join(row[1:])
    return names
