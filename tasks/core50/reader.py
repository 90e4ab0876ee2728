"""CORe50: ``core50_350x350/s<session>/o<object>/C_<ss>_<oo>_<fff>.png``; five objects per category."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord

FRAME = re.compile(r"C_(\d{2})_(\d{2})_(\d{3})")


def read_core50(
    context: ReadContext, root: Path, *, categories: Sequence[str], image_dir: str = "core50_350x350",
) -> Iterator[SourceRecord]:
    """One record per frame; the label is the category of its object (objects 1-5 are the first).

    The frame name carries session, object and frame number; the record id is its stem
    (``C_09_41_288``), as released. A name that does not match its ``s<k>/o<n>`` folders, or an
    object number beyond the categories, is reported.
    """
    base = root / image_dir
    if not base.is_dir():
        context.problem("image folder is missing", file=base)
        return
    frames = sorted(base.glob("s*/o*/*.png"))

    def build(record_id: object, path: Path) -> SourceRecord:
        match = FRAME.fullmatch(path.stem)
        session, number = path.parent.parent.name[1:], path.parent.name[1:]
        if match is None or (int(match[1]), int(match[2])) != (_int(session), _int(number)):
            raise SkipRecord(f"frame name does not match its folders s{session}/o{number}", field="image")
        index = (int(match[2]) - 1) // 5
        if not 0 <= index < len(categories):
            raise SkipRecord(f"object {int(match[2])} has no category", field="label")
        image = context.image(path.relative_to(root).as_posix())
        return SourceRecord(id=path.stem, images=(image,), fields={"class_name": categories[index]},
                            label=categories[index])

    yield from context.build_each(((path.relative_to(base).as_posix(), path) for path in frames), build,
                                  file=base)


def _int(text: str) -> int:
    return int(text) if text.isdigit() else -1
