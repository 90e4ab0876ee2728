"""Flickr30k: Karpathy's ``dataset_flickr30k.json`` and ``flickr30k-images/<filename>``.

``{"images": [{"filename", "imgid", "split", "sentids", "sentences": [{"raw", "tokens", ...}]}],
"dataset": "flickr30k"}``; ``raw`` is the caption as written (the official ``results_20130124.token``
file is tokenised, with a space before punctuation, which the release does not show).
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
    load_shaped,
    require,
)


def read_flickr30k_captions(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "dataset_flickr30k.json",
    image_dir: str = "flickr30k-images",
    splits: list[str] | None = None,
) -> Iterator[SourceRecord]:
    """One record per image of ``splits`` (all when ``None``); id = the file name (``<photo id>.jpg``).

    Field ``captions``: the image's ``raw`` captions in file order (also the label).
    """
    path = root / annotations
    images = load_shaped(context, path, list, "images")
    if images is None:
        return
    wanted = set(splits) if splits is not None else None

    def build(_: object, item: Any) -> SourceRecord | None:
        raw = as_object(item)
        if wanted is not None and raw.get("split") not in wanted:
            return None  # another split: out of scope
        name = str(require(raw, "filename")).strip()
        sentences = require(raw, "sentences")
        if not isinstance(sentences, list):
            raise SkipRecord("sentences is not a list", field="sentences")
        captions = [str(require(as_object(s), "raw")).strip() for s in sentences]
        if not captions or not all(captions):
            raise SkipRecord("an image needs captions, none empty", field="sentences")
        return SourceRecord(id=name, images=(context.image(f"{image_dir}/{name}"),),
                            fields={"captions": captions}, label=captions)

    yield from context.build_each(
        ((_item_id(item, n), item) for n, item in enumerate(images)), build, file=path)


def _item_id(item: Any, index: int) -> str:
    if isinstance(item, dict) and item.get("filename"):
        return str(item["filename"])
    return f"images[{index}]"
