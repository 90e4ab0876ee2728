"""Stanford Dogs: ``Images/<wnid>-<Breed_Name>/<wnid>_<n>.jpg``, one folder per breed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SourceRecord
from visionflan_core.readers.image_folder import read_image_folder


def read_stanford_dogs(context: ReadContext, root: Path, *, subdir: str = "Images") -> Iterator[SourceRecord]:
    """One record per image; the breed is the folder after its WordNet id, ``_`` read as a space.

    The record id is the file name with its suffix (``n02091032_135.jpg``), as in the release. A
    folder without the ``<wnid>-`` prefix is reported per image and skipped.
    """
    for record in read_image_folder(context, root, subdir=subdir):
        wnid, dash, breed = PurePosixPath(record.id).parent.as_posix().partition("-")
        if not (dash and wnid.startswith("n") and wnid[1:].isdigit() and breed):
            context.problem("breed folder is not shaped <wnid>-<Breed_Name>", file=root / subdir,
                            record_id=record.id, field="label")
            continue
        name = breed.replace("_", " ")
        yield replace(record, id=PurePosixPath(record.images[0]).name, fields={"breed": name}, label=name)
