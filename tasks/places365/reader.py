"""Places365: ``categories_places365.txt``, a file list ``/<x>/<category>/<file> <index>``, ``data_256/``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows


def read_places365(
    context: ReadContext,
    root: Path,
    *,
    categories: str = "categories_places365.txt",
    file_list: str = "places365_train_standard.txt",
    image_dir: str = "data_256",
) -> Iterator[SourceRecord]:
    """One record per listed image: the scene is its category, ``_`` and ``/`` read as spaces.

    The record id is the category path joined with ``_`` plus the file name (``plaza_00000712.jpg``).
    A line whose index is not a category, or whose path disagrees with it, is reported.
    """
    names: dict[str, str] = {}
    for number, row in load_rows(context, root / categories, delimiter=" ", header=False):
        if len(row) != 2 or not row[0].startswith("/"):
            context.problem(f"line {number} is not '/<x>/<category> <index>'", file=root / categories,
                            record_id=row[0], field="category")
            continue
        names[row[1]] = row[0]
    listing = root / file_list

    def build(line: object, row: Any) -> SourceRecord:
        if len(row) != 2:
            raise SkipRecord("expected '<path> <index>'", field="line")
        path, index = row
        category = names.get(index)
        if category is None:
            raise SkipRecord(f"category index {index} is not in {categories}", field="label")
        if PurePosixPath(path).parent.as_posix() != category:
            raise SkipRecord(f"path {path} is not in category {category}", field="label")
        parts = category.split("/")[2:]
        image = context.image(f"{image_dir}/{path.lstrip('/')}")
        scene = " ".join(parts).replace("_", " ")
        return SourceRecord(id="_".join([*parts, PurePosixPath(path).name]), images=(image,),
                            fields={"scene": scene}, label=scene)

    rows = load_rows(context, listing, delimiter=" ", header=False)
    yield from context.build_each(((f"line {n}", r) for n, r in rows), build, file=listing)
