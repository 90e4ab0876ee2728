"""TextCaps v0.1: ``TextCaps_0.1_<split>.json`` (``{"data": [...]}``, one entry per caption).

Every entry repeats its image's metadata (``image_id``, ``image_name``, ``image_path``, ...) and
adds one ``caption_str`` plus all five ``reference_strs``. Images are the TextVQA ones,
``train_images/<image_id>.jpg``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_shaped, require


def read_textcaps(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "TextCaps_0.1_train.json",
    image_dir: str = "train_images",
) -> Iterator[SourceRecord]:
    """One record per caption entry; field ``caption`` (the label) and ``references``.

    The record id is the entry's position in ``data``: the released ids (``66211``, ``109073``)
    are below the 109,765 train captions, i.e. such positions.
    """
    path = root / annotations
    entries = load_shaped(context, path, list, "data")
    if entries is None:
        return

    def build(position: object, raw: Any) -> SourceRecord:
        if not isinstance(raw, dict):
            raise SkipRecord("entry is not a JSON object")
        caption = str(require(raw, "caption_str")).strip()
        if not caption:
            raise SkipRecord("caption_str is empty", field="caption_str")
        image = context.image(f"{image_dir}/{require(raw, 'image_id')}.jpg")
        references = [str(r).strip() for r in raw.get("reference_strs") or []]
        return SourceRecord(id=str(position), images=(image,),
                            fields={"caption": caption, "references": references},
                            label=caption)

    yield from context.build_each(enumerate(entries), build, file=path)
