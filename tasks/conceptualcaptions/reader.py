"""Conceptual Captions: ``<split>.tsv`` (``caption<TAB>url``, no header) and img2dataset's download.

Google publishes captions and URLs only; the images are whatever img2dataset fetched from the URLs
into ``images/`` (numbered shard folders), joined here by URL. Dead links are counted, once per task.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_downloads, load_rows

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp")


def url_name(url: str) -> str:
    """The image's file name as the release names it: the URL path's last part, ``.jpg`` added if it
    has no image suffix (Getty URLs end ``...-picture-id801541154?s=612x612``)."""
    name = posixpath.basename(unquote(urlsplit(url).path)) or "image"
    return name if name.lower().endswith(IMAGE_SUFFIXES) else f"{name}.jpg"


def read_conceptual_captions(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "Train_GCC-training.tsv",
    image_dir: str = "images",
) -> Iterator[SourceRecord]:
    """One record per TSV row whose image was downloaded; field ``caption`` (also the label).

    The record id is the URL's file name (:func:`url_name`), the released id shape. CC3M repeats
    file names across URLs (``image.jpg``), so a name that more than one row has gets ``_<line>``
    appended for all of them; ids depend only on the TSV. A first row ``caption<TAB>url`` (the
    header img2dataset's CC3M recipe adds with ``sed``) is skipped.
    """
    path = root / annotations
    rows = load_rows(context, path, delimiter="\t", header=False)
    if rows and [cell.strip() for cell in rows[0][1]] == ["caption", "url"]:
        rows = rows[1:]
    downloads = load_downloads(context, root, image_dir)
    names = Counter(url_name(row[1].strip()) for _, row in rows if len(row) > 1)

    def build(line: object, row: Any) -> SourceRecord:
        if len(row) != 2:
            raise SkipRecord(f"expected 2 tab-separated columns (caption, url), found {len(row)}",
                             field="url")
        caption, url = row[0].strip(), row[1].strip()
        if not caption:
            raise SkipRecord("caption is empty", field="caption")
        name = url_name(url)
        return SourceRecord(id=name if names[name] == 1 else f"{name}_{line}",
                            images=(downloads.image(url),), fields={"caption": caption},
                            label=caption)

    yield from downloads.build_each(rows, build, file=path)
