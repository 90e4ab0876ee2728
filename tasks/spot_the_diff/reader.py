"""Spot-the-diff: ``data/annotations/<split>.json`` and ``resized_images/<img_id>.png`` / ``_2.png``.

Each split file is a list of ``{"img_id": "<number>", "sentences": [...]}``; an image pair can
appear several times (several annotators). Vision-Flan showed the "before" and "after" frames side
by side in one 448x224 picture, which this reader rebuilds into the derived-image cache.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PIL import Image

from visionflan_core.reader_kit import (
    ReadContext,
    SkipRecord,
    SourceRecord,
    as_object,
    load_shaped,
    require,
)

FRAME = (224, 224)  # the resized frames; the released panels are two of them, no gap


def read_spot_the_diff(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "data/annotations/train.json",
    image_dir: str = "resized_images",
    separator: str = ", ",
) -> Iterator[SourceRecord]:
    """One record per annotation entry; id = ``img_id`` (``<img_id>_<n>`` for its n-th repeat).

    Fields: ``differences`` (the non-empty sentences joined with ``separator``, also the label).
    """
    path = root / annotations
    entries = load_shaped(context, path, list)
    if entries is None:
        return
    seen: dict[str, int] = {}

    def build(_: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        img_id = str(require(raw, "img_id")).strip()
        sentences = require(raw, "sentences")
        if not isinstance(sentences, list):
            raise SkipRecord("sentences is not a list", field="sentences")
        kept = [str(s).strip() for s in sentences if str(s).strip()]
        if not kept:
            raise SkipRecord("no non-empty sentence", field="sentences")
        before = context.image(f"{image_dir}/{img_id}.png")
        after = context.image(f"{image_dir}/{img_id}_2.png")
        files = [root / before, root / after]
        panel = context.derived(f"{img_id}.png", _side_by_side(files), sources=files)
        count = seen.get(img_id, 0) + 1
        seen[img_id] = count
        differences = separator.join(kept)
        return SourceRecord(id=img_id if count == 1 else f"{img_id}_{count}", images=(panel,),
                            fields={"differences": differences}, label=differences)

    yield from context.build_each(
        ((_entry_id(item, n), item) for n, item in enumerate(entries)), build, file=path)


def _side_by_side(sources: list[Path]) -> Callable[[Path], None]:
    """A builder pasting the frames left to right, each resized to ``FRAME``, into one RGB PNG."""

    def build(target: Path) -> None:
        panel = Image.new("RGB", (FRAME[0] * len(sources), FRAME[1]))
        for index, source in enumerate(sources):
            with Image.open(source) as frame:
                panel.paste(frame.convert("RGB").resize(FRAME), (FRAME[0] * index, 0))
        panel.save(target, format="PNG")

    return build


def _entry_id(item: Any, index: int) -> str:
    if isinstance(item, dict) and item.get("img_id") is not None:
        return str(item["img_id"])
    return f"entry {index}"
