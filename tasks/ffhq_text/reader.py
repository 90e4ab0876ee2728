"""FFHQ-Text: ``Text/<id>.txt`` (one description per line, nine per face) beside ``Image/<id>.png``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord


def read_ffhq_text(
    context: ReadContext,
    root: Path,
    *,
    text_dir: str = "Text",
    image_dir: str = "Image",
    encoding: str = "utf-8",
) -> Iterator[SourceRecord]:
    """One record per face, id = the FFHQ number (``00936``, no suffix, as released).

    Field ``descriptions``: the file's non-blank lines, stripped, in order; the label is them
    joined by single spaces (the released target is one paragraph of nine sentences).
    """
    folder = root / text_dir
    if not folder.is_dir():
        context.problem("description folder is missing", file=folder)
        return

    def build(record_id: object, path: Path) -> SourceRecord:
        try:
            lines = [line.strip() for line in path.read_text(encoding=encoding).splitlines()]
        except UnicodeDecodeError as error:
            raise SkipRecord(f"not valid {encoding} at byte {error.start}", field="descriptions") from None
        descriptions = [line for line in lines if line]
        if not descriptions:
            raise SkipRecord("no description in the file", field="descriptions")
        image = context.image(f"{image_dir}/{path.stem}.png")
        return SourceRecord(id=path.stem, images=(image,), fields={"descriptions": descriptions},
                            label=" ".join(descriptions))

    yield from context.build_each(((p.name, p) for p in sorted(folder.glob("*.txt"))), build, file=folder)
