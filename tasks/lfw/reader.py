"""LFW: ``lfw/<Person_Name>/<Person_Name>_<nnnn>.jpg`` (the original ``lfw.tgz`` tree)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SourceRecord
from visionflan_core.readers.image_folder import read_image_folder


def read_lfw(context: ReadContext, root: Path, *, subdir: str = "lfw") -> Iterator[SourceRecord]:
    """One record per face; the label is the person's folder name (``Pete_Sampras``, underscores kept).

    The record id is the file stem (``Pete_Sampras_0007``), unique because it starts with the
    person's name. A file not named ``<folder>_<nnnn>`` is reported and skipped.
    """
    for record in read_image_folder(context, root, subdir=subdir):
        stem = PurePosixPath(record.id).name
        if not re.fullmatch(re.escape(str(record.label)) + r"_\d{4}", stem):
            context.problem(f"file name {stem!r} is not {record.label}_<nnnn>", file=root / record.images[0],
                            record_id=stem, field="image")
            continue
        yield replace(record, id=stem)
