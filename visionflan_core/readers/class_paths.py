"""Split lists whose first column is an image path under a class-named folder.

DomainNet (``clipart/see_saw/clipart_257_000040.jpg 256``) and Yoga-82
(``Camel_Pose_or_Ustrasana_/12.jpg,1,4,15``) both name the class only through that folder, with
``_`` for spaces; this module turns such rows into (path, class name) pairs for their readers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from ..records import ReadContext, SkipRecord, SourceRecord
from ._io import load_rows


def class_name(folder: str) -> str:
    """``see_saw`` -> ``see saw``; ``Camel_Pose_or_Ustrasana_`` -> ``Camel Pose or Ustrasana``."""
    return " ".join(folder.replace("_", " ").split())


def read_class_paths(
    context: ReadContext,
    root: Path,
    lists: Sequence[str],
    build: Callable[[PurePosixPath, str], SourceRecord],
    *,
    delimiter: str,
) -> Iterator[SourceRecord]:
    """Rows of every list -> ``build(path, class name)``; the class folder is the path's parent.

    Problems name the list file and the row's path (or its line number when the path is missing).
    """

    def build_row(_: object, row: Any) -> SourceRecord:
        relative = PurePosixPath(str(row[0]).strip())
        if len(relative.parts) < 2:
            raise SkipRecord(f"{str(relative)!r} has no class folder", field="path")
        return build(relative, class_name(relative.parts[-2]))

    for list_name in lists:
        path = root / list_name
        rows = load_rows(context, path, delimiter=delimiter, header=False)
        items = ((_row_id(n, row), row) for n, row in rows)
        yield from context.build_each(items, build_row, file=path)


def _row_id(number: int, row: list[str]) -> str:
    """The row's image path names it in problems; an empty one falls back to its line number."""
    return row[0].strip() if row and row[0].strip() else f"line {number}"
