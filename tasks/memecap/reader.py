"""MemeCap: ``memes-trainval.json`` (a JSON list, one object per meme) and ``memes/<img_fname>``.

Each meme has ``post_id``, ``title``, ``url``, ``img_fname``, ``category``, ``img_captions`` (what
the image shows), ``meme_captions`` (what the meme means) and ``metaphors``. The trainval file holds
bare ``NaN`` tokens, which Python's JSON parser reads as floats; a NaN where text is expected drops
that record, reported.
"""

from __future__ import annotations

import math
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


def _text(value: object, field: str) -> str:
    if isinstance(value, float) and math.isnan(value):
        raise SkipRecord(f"{field} is NaN", field=field)
    if not isinstance(value, str):
        raise SkipRecord(f"{field} is not text", field=field)
    return value


def read_memecap(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "memes-trainval.json",
    image_dir: str = "memes",
    captions: str = "meme_captions",
) -> Iterator[SourceRecord]:
    """One record per entry of each meme's ``captions`` list (``img_captions`` or ``meme_captions``).

    The record id is ``<post_id>_<k>``, k counting the meme's captions from 1 (the released ids all
    end in ``_1``). Fields ``title`` and ``caption`` (also the label, kept verbatim).
    """
    path = root / annotations
    memes = load_shaped(context, path, list)
    if memes is None:
        return

    def items() -> Iterator[tuple[object, Any]]:
        for position, meme in enumerate(memes):
            found = meme.get(captions) if isinstance(meme, dict) else None
            texts = found if isinstance(found, list) and found else [None]
            for k, caption in enumerate(texts, start=1):
                yield f"{position}#{k}", (meme, k, caption)

    def build(record_id: object, item: Any) -> SourceRecord:
        meme, k, caption = item
        raw = as_object(meme)
        if caption is None:
            raise SkipRecord(f"no {captions}", field=captions)
        text = _text(caption, captions)
        if not text.strip():
            raise SkipRecord(f"empty entry of {captions}", field=captions)
        post_id = _text(require(raw, "post_id"), "post_id")
        image = context.image(f"{image_dir}/{_text(require(raw, 'img_fname'), 'img_fname')}")
        return SourceRecord(id=f"{post_id}_{k}", images=(image,),
                            fields={"title": _text(require(raw, "title"), "title"), "caption": text},
                            label=text)

    yield from context.build_each(items(), build, file=path)
