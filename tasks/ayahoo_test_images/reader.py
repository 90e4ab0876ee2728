"""aYahoo: ``attribute_data/ayahoo_test.txt`` (one line per object) and ``ayahoo_test_images/<file>``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows

COLUMNS = 6 + 64  # file, class, box (4), attributes (64)


def read_ayahoo(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "attribute_data/ayahoo_test.txt",
    image_dir: str = "ayahoo_test_images",
) -> Iterator[SourceRecord]:
    """One record per image named in the object list; the label is its objects' class.

    Lines of other widths are reported; an image whose objects disagree on the class is reported.
    """
    path = root / annotations
    objects: dict[str, list[tuple[int, str]]] = {}
    for number, row in load_rows(context, path, delimiter=" ", header=False):
        if len(row) != COLUMNS:
            context.problem(f"line {number} has {len(row)} fields, not {COLUMNS}", file=path,
                            record_id=row[0], field="line")
            continue
        objects.setdefault(row[0], []).append((number, row[1]))

    def build(name: object, lines: Any) -> SourceRecord:
        classes = sorted({label for _, label in lines})
        if len(classes) > 1:
            raise SkipRecord(f"its objects name several classes: {', '.join(classes)}", field="class")
        image = context.image(f"{image_dir}/{name}")
        return SourceRecord(id=PurePosixPath(str(name)).stem, images=(image,),
                            fields={"class_name": classes[0]}, label=classes[0])

    yield from context.build_each(objects.items(), build, file=path)
