"""VQG: ``<source>_<split>_all.csv`` rows of ``image_id,image_url,questions,...`` (``---`` lists).

Microsoft's VQG release (Bing, COCO and Flickr images) ships URLs, not images: the images are
img2dataset's download of the ``image_url`` column (``images/`` shard folders), joined by URL; dead
links are counted once per task. Each row lists several questions (and, per the release's caption
task, captions) joined by ``---``; every item is one record, id ``<image_id>_<k>`` (k from 0).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import (
    ReadContext,
    SkipRecord,
    SourceRecord,
    load_downloads,
    load_rows,
    require,
)

SEPARATOR = "---"


def read_vqg(
    context: ReadContext,
    root: Path,
    *,
    files: Sequence[str] = ("bing_train_all.csv", "coco_train_all.csv", "flickr_train_all.csv"),
    column: str = "questions",
    image_dir: str = "images",
) -> Iterator[SourceRecord]:
    """One record per ``---``-separated item of ``column`` (``questions`` or ``captions``).

    Field ``text`` (the item, also the label). Problems name records ``<file>:<line>#<k>``; a file
    without ``column`` in its header is reported once and skipped.
    """
    downloads = load_downloads(context, root, image_dir)

    def items() -> Iterator[tuple[object, Any]]:
        for name in files:
            path = root / name
            rows = load_rows(context, path)
            if rows and column not in rows[0][1]:
                context.problem(f"no {column!r} column", file=path, field=column)
                continue
            for line, row in rows:
                texts = str(row.get(column) or "").split(SEPARATOR)
                for k, text in enumerate(texts):
                    if text.strip() or len(texts) == 1:
                        yield f"{name}:{line}#{k}", (row, k, text.strip())

    def build(record_id: object, item: Any) -> SourceRecord:
        row, k, text = item
        if not text:
            raise SkipRecord(f"{column} is empty", field=column)
        image_id = str(require(row, "image_id")).strip()
        if not image_id:
            raise SkipRecord("image_id is empty", field="image_id")
        url = str(require(row, "image_url")).strip()
        if not url:
            raise SkipRecord("image_url is empty", field="image_url")
        image = downloads.image(url)
        return SourceRecord(id=f"{image_id}_{k}", images=(image,), fields={"text": text}, label=text)

    yield from downloads.build_each(items(), build, file=root)
