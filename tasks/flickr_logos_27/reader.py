"""FlickrLogos-27: whitespace annotation lines ``<file> <class> ...`` and the images folder."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SourceRecord, load_rows

BASE = "flickr_logos_27_dataset"


def read_flickr_logos(
    context: ReadContext, root: Path, *,
    annotations: Sequence[str] = (f"{BASE}/flickr_logos_27_dataset_training_set_annotation.txt",),
    image_dir: str = f"{BASE}/flickr_logos_27_dataset_images", none: str = "none", joiner: str = " and ",
) -> Iterator[SourceRecord]:
    """One record per annotated image (its box lines merged); the label is its class(es).

    Lines whose class is ``none`` (query images without a logo) are out of scope. The record id is
    the file stem; classes of one image keep their first-seen order, joined with ``joiner``.
    """
    for name in annotations:
        path = root / name
        classes: dict[str, list[str]] = {}
        for line, row in load_rows(context, path, delimiter=" ", header=False):
            if len(row) < 2:
                context.problem("line has no class", file=path, record_id=f"line {line}", field="class")
                continue
            if row[1] != none and row[1] not in classes.setdefault(row[0], []):
                classes[row[0]].append(row[1])

        def build(file: object, found: list[str]) -> SourceRecord | None:
            if not found:
                return None
            label = joiner.join(found)
            return SourceRecord(
                id=PurePosixPath(str(file)).stem,
                images=(context.image(f"{image_dir}/{file}"),),
                fields={"class_name": label},
                label=label,
            )

        yield from context.build_each(classes.items(), build, file=path)
