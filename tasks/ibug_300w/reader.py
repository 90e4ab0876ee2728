"""300-W: ``01_Indoor/indoor_<nnn>.png`` and ``02_Outdoor/outdoor_<nnn>.png``, each beside its ``.pts``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SourceRecord
from visionflan_core.readers.image_folder import read_image_folder


def read_300w(context: ReadContext, root: Path, *, classes: Mapping[str, str]) -> Iterator[SourceRecord]:
    """One record per face image; the label is its folder's class (``Indoor``/``Outdoor``).

    The record id is the file stem (``outdoor_184``): stems carry the class prefix, so they are unique.
    A folder that is not one of ``classes`` is reported once and skipped; the ``.pts`` landmark files
    are not read.
    """
    for folder in sorted(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        if folder not in classes:
            context.problem(f"folder {folder!r} is not one of {sorted(classes)}", file=root / folder,
                            field="label")
    for record in read_image_folder(context, root, class_names=classes):
        if record.label in classes.values():
            yield replace(record, id=PurePosixPath(record.id).name)
