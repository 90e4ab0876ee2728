"""Caltech-256: ``256_ObjectCategories/<NNN>.<name>/<NNN>_<MMMM>.jpg``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SourceRecord
from visionflan_core.readers.image_folder import read_image_folder


def read_caltech_256(
    context: ReadContext, root: Path, *, subdir: str = "256_ObjectCategories"
) -> Iterator[SourceRecord]:
    """One record per image: the object name is the folder after ``NNN.``; the id is the file stem."""
    for record in read_image_folder(context, root, subdir=subdir):
        path = PurePosixPath(record.id)
        number, dot, name = path.parent.as_posix().partition(".")
        if not (dot and number.isdigit() and name):
            context.problem("category folder is not shaped NNN.<name>", file=root / subdir,
                            record_id=record.id, field="label")
            continue
        yield replace(record, id=path.name, fields={"object_name": name}, label=name)
