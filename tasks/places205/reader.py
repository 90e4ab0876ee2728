"""Places205: ``trainvalsplit_places205/*.csv`` lists of images under ``images256/``, with indoor/outdoor
labels from the Places authors' ``IO_places365.txt``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows

SETTINGS = {"1": "Indoor", "2": "Outdoor"}


def read_places205(
    context: ReadContext,
    root: Path,
    *,
    file_list: str = "trainvalsplit_places205/train_places205.csv",
    image_dir: str = "data/vision/torralba/deeplearning/images256",
    io_file: str = "IO_places365.txt",
    choices: list[str] | None = None,
) -> Iterator[SourceRecord]:
    """One record per listed image; the label is Indoor or Outdoor, offered as ``choices``.

    The setting of a category comes from ``io_file`` (``/a/aquarium 1``), else from a ``/indoor`` or
    ``/outdoor`` sub-level; an image of a category with neither is reported. The id is the file stem.
    """
    settings: dict[str, str] = {}
    for number, row in load_rows(context, root / io_file, delimiter=" ", header=False):
        if len(row) != 2 or row[1] not in SETTINGS:
            context.problem(f"line {number} is not '/<x>/<category> <1|2>'", file=root / io_file,
                            record_id=row[0], field="setting")
            continue
        settings[row[0].strip("/")] = SETTINGS[row[1]]
    options = list(choices or ["Outdoor", "Indoor"])
    listing = root / file_list

    def build(line: object, row: Any) -> SourceRecord:
        if len(row) != 2:
            raise SkipRecord("expected '<path> <index>'", field="line")
        path = PurePosixPath(row[0].lstrip("/"))
        category = path.parent.as_posix()
        setting = settings.get(category) or {"indoor": "Indoor", "outdoor": "Outdoor"}.get(path.parent.name)
        if setting is None:
            raise SkipRecord(f"category {category} has no indoor/outdoor entry in {io_file}", field="setting")
        if setting not in options:
            raise SkipRecord(f"{setting} is not among the choices", field="setting")
        image = context.image(f"{image_dir}/{path.as_posix()}")
        return SourceRecord(id=path.stem, images=(image,), fields={"category": category}, label=setting,
                            choices=tuple(options), answer_index=options.index(setting))

    rows = load_rows(context, listing, delimiter=" ", header=False)
    yield from context.build_each(((f"line {n}", r) for n, r in rows), build, file=listing)
