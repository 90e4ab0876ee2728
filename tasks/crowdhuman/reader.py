"""CrowdHuman: ``annotation_<split>.odgt`` (one JSON object per line) and ``Images/<ID>.jpg``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, load_jsonl, require


def read_crowdhuman(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "annotation_train.odgt",
    image_dir: str = "Images",
    count_ignored: bool = True,
) -> Iterator[SourceRecord]:
    """One record per image: how many boxes are tagged ``person``.

    Field and label: ``count`` (an int; boxes whose ``extra.ignore`` is 1 count unless
    ``count_ignored`` is false). ``mask`` boxes are never people. The record id is the line's
    0-based position in the file; problems name the (1-based) line.
    """
    path = root / annotations

    def build(_: object, item: tuple[int, Any]) -> SourceRecord:
        line, raw = item[0], as_object(item[1])
        boxes = require(raw, "gtboxes")
        if not isinstance(boxes, list) or not all(isinstance(b, dict) for b in boxes):
            raise SkipRecord("gtboxes is not a list of objects", field="gtboxes")
        people = [b for b in boxes if require(b, "tag") == "person"]
        if not count_ignored:
            people = [b for b in people if not (b.get("extra") or {}).get("ignore")]
        image = context.image(f"{image_dir}/{require(raw, 'ID')}.jpg")
        return SourceRecord(id=str(line - 1), images=(image,), fields={"count": len(people)},
                            label=len(people))

    rows = load_jsonl(context, path)
    yield from context.build_each(((f"line {n}", (n, raw)) for n, raw in rows), build, file=path)
