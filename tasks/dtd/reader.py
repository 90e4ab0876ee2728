"""DTD: ``dtd/images/<class>/<file>.jpg`` and ``dtd/labels/labels_joint_anno.txt``.

The coarse task reads the class folders through the kit's path-label reader and prefixes the
released ``<class>+`` to each id; the all-texture task reads the joint annotation, one line per image
(``<class>/<file> <label> <label> ... ``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from visionflan_core.reader_kit import (
    ReadContext,
    SkipRecord,
    SourceRecord,
    load_rows,
    read_path_labels,
)


def read_dtd_folders(
    context: ReadContext, root: Path, *, subdir: str = "dtd/images",
) -> Iterator[SourceRecord]:
    """One record per image; the label is its class folder; id ``<class>+<class>/<file>``."""
    for record in read_path_labels(context, root, subdir=subdir, id_suffix=True):
        yield dataclasses.replace(record, id=f"{record.label}+{record.id}")


def read_dtd_joint(
    context: ReadContext, root: Path, *, annotations: str = "dtd/labels/labels_joint_anno.txt",
    image_dir: str = "dtd/images", separator: str = ", ",
) -> Iterator[SourceRecord]:
    """One record per annotation line; the label is every texture it names, joined with ``separator``.

    The record id is the image path below ``image_dir`` (``porous/porous_0100.jpg``). Field
    ``class_name``: the image's class folder.
    """
    path = root / annotations
    rows = load_rows(context, path, delimiter=" ", header=False)

    def build(record_id: object, row: list[str]) -> SourceRecord:
        name, *labels = row
        if "/" not in name:
            raise SkipRecord(f"image {name!r} is not <class>/<file>", field="image")
        if not labels:
            raise SkipRecord("the line names no texture", field="labels")
        return SourceRecord(
            id=name,
            images=(context.image(f"{image_dir}/{name}"),),
            fields={"class_name": name.split("/")[0]},
            label=separator.join(labels),
        )

    yield from context.build_each(((f"line {n}", row) for n, row in rows), build, file=path)
