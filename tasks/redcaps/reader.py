"""RedCaps v1.0: ``annotations/<subreddit>_<year>.json`` and the images fetched from each ``url``.

Each file is ``{"info": {...}, "annotations": [...]}``; an annotation has ``image_id``, ``author``,
``url``, ``raw_caption``, ``caption`` (lower-cased, cleaned), ``subreddit``, ``score``,
``created_utc``, ``permalink``, ``crosspost_parents``. No images are shipped: they are either
img2dataset's download (``images/`` shard folders, joined by URL; dead links counted once per task)
or the official redcaps-downloader's ``images/<subreddit>/<image_id>.jpg``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import (
    ReadContext,
    SkipRecord,
    SourceRecord,
    as_object,
    load_downloads,
    load_shaped,
    require,
)


def read_redcaps(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "annotations",
    image_dir: str = "images",
    downloader: str = "img2dataset",
) -> Iterator[SourceRecord]:
    """One record per annotation with an image, every ``*.json`` of ``annotations`` in name order.

    Problems name the record ``<file name>#<position>``. Field ``caption`` (the cleaned caption,
    also the label) and ``subreddit``; the record id is
    ``<image_id>.jpg``, the released shape. ``downloader`` says how ``image_dir`` was filled:
    ``img2dataset`` (its ``files`` output) or ``redcaps`` (``<subreddit>/<image_id>.jpg``).
    """
    if downloader not in ("img2dataset", "redcaps"):
        raise ValueError(f"downloader must be 'img2dataset' or 'redcaps', not {downloader!r}")
    folder = root / annotations
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        context.problem("no annotation files (<subreddit>_<year>.json)", file=folder)
        return
    downloads = load_downloads(context, root, image_dir) if downloader == "img2dataset" else None

    def build(position: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        image_id = str(require(raw, "image_id")).strip()
        caption = str(require(raw, "caption")).strip()
        if not caption:
            raise SkipRecord("caption is empty", field="caption")
        subreddit = str(require(raw, "subreddit"))
        if downloads is not None:
            image = downloads.image(require(raw, "url"))
        else:
            image = context.image(f"{image_dir}/{subreddit}/{image_id}.jpg")
        return SourceRecord(id=f"{image_id}.jpg", images=(image,),
                            fields={"caption": caption, "subreddit": subreddit}, label=caption)

    def entries() -> Iterator[tuple[object, Any]]:
        for path in files:
            found = load_shaped(context, path, list, "annotations")
            yield from ((f"{path.name}#{n}", entry) for n, entry in enumerate(found or []))

    # one pass over every file, so dead links are counted once for the task, not per file
    if downloads is not None:
        yield from downloads.build_each(entries(), build, file=folder)
    else:
        yield from context.build_each(entries(), build, file=folder)
