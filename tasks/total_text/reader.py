"""Total-Text: ``Images/<Split>/img<n>.jpg`` and ``txt_format/<Split>/poly_gt_img<n>.txt``.

A ground-truth line reads ``x: [[153 161 179]], y: [[347 323 305]], ornt: [u'c'],
transcriptions: [u'the']`` (numpy-printed arrays and Python 2 reprs), and long polygons wrap onto
continuation lines that do not start with ``x:``. ``#`` marks a don't-care region.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")
DONT_CARE = "#"
_ENTRY = re.compile(
    r"^x: \[\[(?P<x>[-\d.\s]+)\]\], y: \[\[(?P<y>[-\d.\s]+)\]\], "
    r"ornt: (?P<ornt>\[.*?\]), transcriptions: (?P<text>\[.*\])$"
)


def read_total_text(
    context: ReadContext,
    root: Path,
    *,
    image_dir: str = "Images/Train",
    gt_dir: str = "txt_format/Train",
    gt_pattern: str = "poly_gt_{stem}.txt",
    keep_dont_care: bool = False,
) -> Iterator[SourceRecord]:
    """One record per image, id = file stem (``img1277``); words in ground-truth file order.

    Fields: ``words`` (the label) and ``orientations`` (``c``/``h``/``m`` per word). Don't-care
    words (``#``) are dropped unless ``keep_dont_care``; an image left without words is reported.
    """
    folder = root / image_dir
    if not folder.is_dir():
        context.problem("image folder is missing", file=folder)
        return
    images = sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)

    def build(stem: object, image: Path) -> SourceRecord:
        gt_name = f"{gt_dir}/{gt_pattern.format(stem=stem)}"
        try:
            text = (root / gt_name).read_text(encoding="utf-8")
        except OSError:
            raise SkipRecord(f"ground truth {gt_name} is missing or unreadable",
                             field="groundtruth") from None
        entries = [_parse(entry) for entry in _entries(text)]
        kept = [(w, o) for w, o in entries if keep_dont_care or w != DONT_CARE]
        if not kept:
            raise SkipRecord("no legible word in the ground truth", field="transcriptions")
        words = [w for w, _ in kept]
        return SourceRecord(
            id=str(stem), images=(context.image(f"{image_dir}/{image.name}"),),
            fields={"words": words, "orientations": [o for _, o in kept]},
            label=words,
        )

    yield from context.build_each(((p.stem, p) for p in images), build, file=folder)


def _entries(text: str) -> Iterator[str]:
    """Whole entries: a continuation line (not starting with ``x:``) joins the one before."""
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("x:") and current:
            yield current
            current = line
        elif line:
            current = f"{current} {line}".strip()
    if current:
        yield current


def _parse(entry: str) -> tuple[str, str]:
    """``(transcription, orientation)`` of one entry; several strings join with ``,``."""
    match = _ENTRY.match(entry)
    if match is None:
        raise SkipRecord(f"ground-truth entry not understood: {entry[:60]!r}",
                         field="transcriptions")
    try:
        words = ast.literal_eval(match["text"])
        orientation = ast.literal_eval(match["ornt"])
    except (ValueError, SyntaxError):
        raise SkipRecord(f"transcription is not a string list: {match['text'][:60]!r}",
                         field="transcriptions") from None
    word = ",".join(str(w) for w in words) if words else DONT_CARE
    return word, str(orientation[0]) if orientation else DONT_CARE
