"""ExDark: ``ExDark/<Class>/<image>`` with twelve class folders and mixed image suffixes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SourceRecord
from visionflan_core.readers.image_folder import read_image_folder


def read_exdark(
    context: ReadContext, root: Path, *, subdir: str = "ExDark", classes: Sequence[str],
) -> Iterator[SourceRecord]:
    """One record per image; the label is its class folder (``Bicycle``).

    The record id is the file name without suffix (``2015_00252``), as released; ExDark names are
    unique across classes, and a repeated one is reported rather than given a second record.
    Images in a folder that is not one of ``classes`` are reported and skipped.
    """
    seen: set[str] = set()
    for record in read_image_folder(context, root, subdir=subdir):
        stem = PurePosixPath(record.id).name
        where = root / record.images[0]
        if record.label not in classes:
            context.problem(f"class folder {record.label!r} is not an ExDark class", file=where,
                            record_id=stem, field="label")
        elif stem in seen:
            context.problem("image name repeated in another class folder", file=where, record_id=stem,
                            field="image")
        else:
            seen.add(stem)
            yield replace(record, id=stem)
