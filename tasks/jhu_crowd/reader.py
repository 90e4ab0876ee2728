"""JHU-CROWD++ v2.0: per split, ``image_labels.txt`` (``id,count,scene,weather,distractor``), ``images/``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows


def read_jhu_crowd(
    context: ReadContext, root: Path, *, splits: Sequence[str] = ("train", "val", "test"),
) -> Iterator[SourceRecord]:
    """One record per image of ``splits``; the label is its scene type (``stadium``), as written.

    The record id is the image id (``4112``), as released. An id already read in another split is
    reported rather than given a second record.
    """
    seen: set[str] = set()
    for split in splits:
        path = root / split / "image_labels.txt"

        def build(record_id: object, row: list[str], split: str = split) -> SourceRecord:
            if len(row) < 3 or not row[2].strip():
                raise SkipRecord("no scene type (third field)", field="scene")
            image_id, scene = row[0].strip(), row[2].strip()
            if image_id in seen:
                raise SkipRecord(f"image id {image_id} is already used by another split", field="id")
            image = context.image(f"{split}/images/{image_id}.jpg")
            seen.add(image_id)
            return SourceRecord(id=image_id, images=(image,), fields={"scene": scene}, label=scene)

        rows = load_rows(context, path, header=False)
        yield from context.build_each(((f"line {n}", row) for n, row in rows), build, file=path)
