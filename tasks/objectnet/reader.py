"""ObjectNet 1.0: ``images/<folder>/<hash>.png`` named through ``mappings/folder_to_objectnet_label.json``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_shaped

SUFFIXES = (".png", ".jpg", ".jpeg")


def read_objectnet(
    context: ReadContext, root: Path, *, image_dir: str = "images",
    mapping: str = "mappings/folder_to_objectnet_label.json",
) -> Iterator[SourceRecord]:
    """One record per image; the label is the ObjectNet label of its folder (``Flashlight``).

    The record id is the image's file stem (a hash, unique across folders), as in the released ids.
    """
    labels = load_shaped(context, root / mapping, dict)
    if labels is None:  # missing or malformed: already reported
        return
    base = root / image_dir
    if not base.is_dir():
        context.problem("image folder is missing", file=base)
        return
    images = [f"{image_dir}/{folder.name}/{path.name}"
              for folder in sorted(base.iterdir()) if folder.is_dir()
              for path in sorted(folder.iterdir()) if path.suffix.lower() in SUFFIXES]

    def build(record_id: object, image: str) -> SourceRecord:
        folder = image.split("/")[-2]
        label = labels.get(folder)
        if not isinstance(label, str) or not label.strip():
            raise SkipRecord(f"folder {folder!r} has no label in {mapping}", field="label")
        return SourceRecord(id=Path(image).stem, images=(context.image(image),),
                            fields={"class_name": label.strip()}, label=label.strip())

    yield from context.build_each(((image, image) for image in images), build, file=base)
