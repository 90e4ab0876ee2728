"""CUB-200-2011: ``CUB_200_2011/images/<NNN>.<Class_Name>/<image>.jpg``, read as class folders."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SourceRecord
from visionflan_core.readers.image_folder import read_image_folder

CLASS_FOLDER = re.compile(r"\d{3}\.(?P<name>\S+)")


def read_cub_200_2011(
    context: ReadContext, root: Path, *, subdir: str = "CUB_200_2011/images"
) -> Iterator[SourceRecord]:
    """One record per image; the species is the folder name without ``NNN.``, ``_`` as spaces.

    The record id is the image file name with its suffix (``Long_Tailed_Jaeger_0054_797088.jpg``).
    A class folder not shaped ``NNN.Name`` is reported per image and skipped.
    """
    for record in read_image_folder(context, root, subdir=subdir):
        folder = PurePosixPath(record.id).parent.as_posix()
        match = CLASS_FOLDER.fullmatch(folder)
        if match is None:
            context.problem(f"class folder {folder!r} is not shaped NNN.Class_Name", file=root / subdir,
                            record_id=record.id, field="label")
            continue
        species = match["name"].replace("_", " ")
        yield replace(record, id=PurePosixPath(record.images[0]).name, fields={"species": species},
                      label=species)
