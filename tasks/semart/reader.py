"""SemArt: ``semart_<split>.csv`` (tab-separated, latin-1) and ``Images/<IMAGE_FILE>``.

Columns: IMAGE_FILE, DESCRIPTION, AUTHOR, TITLE, TECHNIQUE, DATE, TYPE, SCHOOL, TIMEFRAME. Every
task reads the same rows; ``column`` names the one that is its label.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows, require

COLUMNS = ("DESCRIPTION", "AUTHOR", "TITLE", "TECHNIQUE", "DATE", "TYPE", "SCHOOL", "TIMEFRAME")


def read_semart(
    context: ReadContext,
    root: Path,
    *,
    file: str = "semart_train.csv",
    image_dir: str = "Images",
    column: str = "DESCRIPTION",
    encoding: str = "latin-1",
) -> Iterator[SourceRecord]:
    """One record per row whose ``column`` is not empty; the record id is the 0-based row index.

    Fields: every column in lower case (``description``, ``author``, ``title``, ``technique``,
    ``date``, ``type``, ``school``, ``timeframe``), as written (HTML entities are not unescaped).
    """
    path = root / file
    rows = load_rows(context, path, delimiter="\t", encoding=encoding)

    def build(index: object, row: Any) -> SourceRecord:
        image = context.image(f"{image_dir}/{str(require(row, 'IMAGE_FILE')).strip()}")
        fields = {name.lower(): str(row.get(name) or "").strip() for name in COLUMNS}
        label = fields[column.lower()]
        if not label:
            raise SkipRecord(f"{column} is empty", field=column)
        return SourceRecord(id=str(index), images=(image,), fields=fields, label=label)

    yield from context.build_each(((index, row) for index, (_, row) in enumerate(rows)), build, file=path)
