"""Chart-to-Text (Statista): ``<folder>/captions/<N>.txt`` paired with ``<folder>/imgs/<N>.png``.

Each chart has one caption file holding one paragraph of pre-tokenised text (spaces before
punctuation); the image shares its number. ``multiColumn/`` below a folder restarts the numbering,
so it is a folder of its own (another ``folder`` option), never mixed with its parent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord


def read_chart2text(
    context: ReadContext,
    root: Path,
    *,
    folder: str = "statista_dataset/dataset",
    encoding: str = "utf-8",
) -> Iterator[SourceRecord]:
    """One record per caption file, id ``<N>.png`` (the image's file name, as released).

    The caption (whitespace at both ends removed) is the label and the ``caption`` field.
    """
    captions = root / folder / "captions"
    if not captions.is_dir():
        context.problem("caption folder is missing", file=captions)
        return
    files = sorted(captions.glob("*.txt"), key=lambda p: (not p.stem.isdigit(), len(p.stem), p.stem))

    def build(record_id: object, path: Path) -> SourceRecord:
        try:
            caption = path.read_text(encoding=encoding).strip()
        except UnicodeDecodeError as error:
            raise SkipRecord(f"not valid {encoding} at byte {error.start}", field="caption") from None
        if not caption:
            raise SkipRecord("caption file is empty", field="caption")
        image = context.image(f"{folder}/imgs/{path.stem}.png")
        return SourceRecord(id=f"{path.stem}.png", images=(image,), fields={"caption": caption},
                            label=caption)

    yield from context.build_each(((p.name, p) for p in files), build, file=captions)
