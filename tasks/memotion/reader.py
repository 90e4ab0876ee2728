"""MEMOTION: ``labels.csv`` (quoted cells that may span lines) and ``images/<image_name>``.

Read with the csv module over the whole text, so a line break inside a quoted cell stays inside
that cell; the target joins the cell's lines with single spaces.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, require


def read_memotion(
    context: ReadContext, root: Path, *, file: str = "memotion_dataset_7k/labels.csv",
    image_dir: str = "memotion_dataset_7k/images", text: str = "text_ocr", encoding: str = "utf-8-sig",
) -> Iterator[SourceRecord]:
    """One record per row; the label is the ``text`` cell, whitespace runs as one space.

    The record id is ``image_name`` with its extension (``image_5624.jpg``); field ``class_name``
    repeats the label. An empty text cell drops the row (reported).
    """
    path = root / file
    try:
        content = path.read_text(encoding=encoding)
    except (OSError, UnicodeError) as error:
        context.problem(f"cannot read as {encoding}: {error}", file=path)
        return

    def build(record_id: object, row: Any) -> SourceRecord:
        name = str(require(row, "image_name")).strip()
        label = " ".join(str(require(row, text)).split())
        if not label:
            raise SkipRecord("the meme text is empty", field=text)
        return SourceRecord(
            id=name,
            images=(context.image(f"{image_dir}/{name}"),),
            fields={"class_name": label},
            label=label,
        )

    yield from context.build_each(_rows(context, path, content), build, file=path)


def _rows(context: ReadContext, path: Path, content: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(line N, row)`` pairs of the CSV text; a malformed row ends the file, reported."""
    reader = csv.DictReader(io.StringIO(content, newline=""))
    try:
        for row in reader:
            yield f"line {reader.line_num}", row
    except csv.Error as error:
        context.problem(f"not valid CSV: {error}", file=path, record_id=f"line {reader.line_num}")
