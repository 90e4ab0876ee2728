"""WIT v1: ``wit_v1.train.all-0000k-of-00010.tsv.gz`` (gzip TSV, header, 17 columns) and the images.

Google publishes the rows only; the images are img2dataset's download of the ``image_url`` column
(``images/`` shard folders), joined by URL. Dead links are counted once per task.
"""

from __future__ import annotations

import csv
import gzip
import posixpath
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_downloads, require


def _rows(context: ReadContext, path: Path) -> Iterator[tuple[object, Any]]:
    """``(line, row dict)`` of one gzip TSV; an unreadable file or a broken line ends it, reported."""
    line = 0
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as stream:
            reader = csv.DictReader(stream, delimiter="\t")
            for row in reader:
                line = reader.line_num
                yield f"{path.name}:{line}", row
    except FileNotFoundError:
        context.problem("file is missing", file=path)
    except (OSError, EOFError, UnicodeDecodeError, csv.Error) as error:
        context.problem(f"reading stopped after line {line}: {error}", file=path)


def read_wit(
    context: ReadContext,
    root: Path,
    *,
    files: str = "wit_v1.train.all-*.tsv.gz",
    language: str | None = "en",
    target: str = "context_page_description",
    image_dir: str = "images",
) -> Iterator[SourceRecord]:
    """One record per image: the first row (file and line order) in ``language`` with a ``target``.

    The record id is the image's file name from ``image_url`` (``Hplc.JPG``), the released shape;
    later rows of the same image (other pages, other languages) are left out, so ids stay unique.
    Fields ``page_title`` and ``description`` (the ``target`` column, also the label). Problems name
    records ``<file>:<line>``.
    """
    paths = sorted(root.glob(files))
    if not paths:
        context.problem(f"no file matches {files!r}", file=root)
        return
    downloads = load_downloads(context, root, image_dir)
    seen: set[str] = set()

    def items() -> Iterator[tuple[object, Any]]:
        for path in paths:
            yield from _rows(context, path)

    def build(record_id: object, row: Any) -> SourceRecord | None:
        short = [name for name, value in row.items() if value is None]
        if short or None in row:
            raise SkipRecord(f"row does not have the header's {len(row) - (None in row)} columns",
                             field=str(short[0]) if short else None)
        if language is not None and row.get("language") != language:
            return None  # another language edition: out of scope
        description = str(row.get(target) or "").strip()
        if not description:
            return None  # WIT leaves many descriptions empty: nothing to learn, nothing malformed
        url = str(require(row, "image_url")).strip()
        name = posixpath.basename(unquote(urlsplit(url).path))
        if not name:
            raise SkipRecord(f"image_url {url!r} names no file", field="image_url")
        if name in seen:
            return None
        image = downloads.image(url)
        seen.add(name)
        return SourceRecord(id=name, images=(image,),
                            fields={"page_title": str(row.get("page_title") or ""),
                                    "description": description},
                            label=description)

    yield from downloads.build_each(items(), build, file=root)
