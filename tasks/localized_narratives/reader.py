"""Localized Narratives: JSON Lines of narratives (``*_captions.jsonl`` or the full shards).

Each line has ``dataset_id``, ``image_id``, ``annotator_id`` and ``caption``; the full
``*_localized_narratives*.jsonl`` shards add ``timed_caption``, ``traces`` and ``voice_recording``,
which these tasks do not need. Images come from the subset's own dataset (COCO, Flickr30k, ADE20K,
Open Images), so each task's ``image_pattern`` says where one lives under the data folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_jsonl, require


def read_localized_narratives(
    context: ReadContext,
    root: Path,
    *,
    annotations: str | list[str],
    image_pattern: str,
    id_pattern: str = "{image_id}",
) -> Iterator[SourceRecord]:
    """One record per narrative; field ``caption`` (the label).

    ``image_pattern`` and ``id_pattern`` are format strings over ``image_id`` (an int when it is all
    digits, so COCO can use ``{image_id:012d}``). An image narrated more than once keeps the plain
    id for its first narrative; later ones get ``_<annotator_id>`` so example ids stay unique.
    """
    files = [annotations] if isinstance(annotations, str) else list(annotations)
    seen: set[str] = set()

    def build(_: object, raw: Any) -> SourceRecord:
        if not isinstance(raw, dict):
            raise SkipRecord("narrative is not a JSON object")
        image_id = _typed(str(require(raw, "image_id")).strip())
        caption = str(require(raw, "caption")).strip()
        if not caption:
            raise SkipRecord("caption is empty", field="caption")
        try:
            record_id = id_pattern.format(image_id=image_id)
            image = context.image(image_pattern.format(image_id=image_id))
        except (ValueError, TypeError):
            raise SkipRecord(f"image_id {image_id!r} does not fit the pattern",
                             field="image_id") from None
        if record_id in seen:
            record_id = f"{record_id}_{raw.get('annotator_id')}"
        seen.add(record_id)
        return SourceRecord(id=record_id, images=(image,), fields={"caption": caption},
                            label=caption)

    for name in files:
        path = root / name
        items = [(_row_id(raw, number), raw) for number, raw in load_jsonl(context, path)]
        yield from context.build_each(items, build, file=path)


def _typed(image_id: str) -> int | str:
    """COCO ids are numbers (zero-padded in file names); other subsets use strings.

    Only a canonical number becomes an int: an Open Images id is 16 hex digits and may be all
    digits with leading zeros, which ``{image_id}`` must reproduce as written.
    """
    return int(image_id) if image_id.isdigit() and str(int(image_id)) == image_id else image_id


def _row_id(raw: Any, line: int) -> str:
    if isinstance(raw, dict) and raw.get("image_id") is not None:
        return str(raw["image_id"])
    return f"line {line}"
