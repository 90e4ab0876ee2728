"""AID: ``AID/<Class>/<class>_<n>.jpg``, 30 scene folders."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SourceRecord
from visionflan_core.readers.image_folder import read_image_folder


def read_aid(context: ReadContext, root: Path, *, subdir: str = "AID") -> Iterator[SourceRecord]:
    """One record per image: the scene is the folder name, the record id the file stem."""
    seen: set[str] = set()
    for record in read_image_folder(context, root, subdir=subdir):
        stem = PurePosixPath(record.id).name
        if stem in seen:
            context.problem(f"image name {stem!r} occurs in two class folders", file=root / subdir,
                            record_id=record.id, field="image")
            continue
        seen.add(stem)
        yield replace(record, id=stem, fields={"scene": record.label})
