"""ExpW: ``label/label.lst`` (one line per face) and the uncropped ``image/origin/<name>.jpg``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows


def read_expw(
    context: ReadContext, root: Path, *, expressions: Sequence[str], labels: str = "label/label.lst",
    image_dir: str = "image/origin",
) -> Iterator[SourceRecord]:
    """One record per face line; the label is its expression code (0-6) named through ``expressions``.

    Line: ``<image> <face id> <top> <left> <right> <bottom> <confidence> <expression>``. The image is
    the whole photo, as released (the face box is not cropped). The record id is the 0-based index of
    the line in ``label.lst`` (released: 64836), so two faces of one photo are two records.
    """
    path = root / labels

    def build(record_id: object, row: list[str]) -> SourceRecord:
        if len(row) != 8:
            raise SkipRecord(f"{len(row)} fields, not 8", field="expression_label")
        code = row[7]
        if not code.isdigit() or int(code) >= len(expressions):
            raise SkipRecord(f"unknown expression label {code!r}", field="expression_label")
        name = expressions[int(code)]
        image = context.image(f"{image_dir}/{row[0]}")
        return SourceRecord(id=str(record_id), images=(image,), fields={"expression": name}, label=name)

    rows = load_rows(context, path, delimiter=" ", header=False)
    yield from context.build_each(((line - 1, row) for line, row in rows), build, file=path)
