"""SCUT-CTW1500 test split: ``test_images/<nnnn>.jpg`` and ``ctw1500_test_labels/000<nnnn>.txt``.

A label line is one text instance: 28 integers (14 polygon points) then ``####`` and the
transcription, which may itself contain commas (``695,885,...,####Latin 9``); ``###`` marks a
don't-care instance.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord

MARK = "####"
DONT_CARE = "###"
POINTS = 28


def read_ctw1500(
    context: ReadContext,
    root: Path,
    *,
    image_dir: str = "test_images",
    label_dir: str = "ctw1500_test_labels",
    label_pattern: str = "000{stem}.txt",
    keep_dont_care: bool = False,
) -> Iterator[SourceRecord]:
    """One record per image, id = file stem (``1341``); field ``texts`` in label-file order.

    Don't-care instances are dropped unless ``keep_dont_care``; an image left with no text is
    reported, as is a line without its 28 coordinates and ``####`` marker.
    """
    folder = root / image_dir
    if not folder.is_dir():
        context.problem("image folder is missing", file=folder)
        return
    images = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".jpg")

    def build(stem: object, image: Path) -> SourceRecord:
        name = f"{label_dir}/{label_pattern.format(stem=stem)}"
        try:
            lines = (root / name).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise SkipRecord(f"label file {name} is missing or unreadable: {error}",
                             field="label_file") from None
        texts = [_text(line, number) for number, line in enumerate(lines, 1) if line.strip()]
        texts = [t for t in texts if keep_dont_care or t != DONT_CARE]
        if not texts:
            raise SkipRecord("no legible text in the label file", field="text")
        return SourceRecord(id=str(stem), images=(context.image(f"{image_dir}/{image.name}"),),
                            fields={"texts": texts}, label=texts)

    yield from context.build_each(((p.stem, p) for p in images), build, file=folder)


def _text(line: str, number: int) -> str:
    coordinates, mark, text = line.strip().partition(MARK)
    values = coordinates.rstrip(",").split(",")
    if not mark or len(values) != POINTS or not all(v.strip().lstrip("-").isdigit() for v in values):
        raise SkipRecord(f"line {number} is not {POINTS} coordinates then {MARK}text", field="text")
    return text
