"""Caltech101: ``101_ObjectCategories/<class>/image_<NNNN>.jpg``, file names repeating per class."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SourceRecord
from visionflan_core.readers.image_folder import read_image_folder


def read_caltech101(
    context: ReadContext,
    root: Path,
    *,
    subdir: str = "101_ObjectCategories",
    class_names: Mapping[str, str] | None = None,
    choices: list[str] | None = None,
) -> Iterator[SourceRecord]:
    """The image-folder records with ids ``<class>_<stem>`` (``garfield_image_0018``).

    ``class_names`` and ``choices`` go to the image-folder reader: a task maps each folder to another
    label (Yes/No) and offers fixed choices; an image whose folder maps to no choice is reported there.
    """
    for record in read_image_folder(context, root, subdir=subdir, class_names=class_names, choices=choices):
        yield replace(record, id=record.id.replace("/", "_"))
