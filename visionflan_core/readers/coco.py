"""COCO-style detection/caption JSON: ``images``, ``annotations`` (by ``image_id``), ``categories``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..records import ReadContext, SkipRecord, SourceRecord, require
from ._io import load_json


def read_coco(
    context: ReadContext,
    root: Path,
    *,
    annotations: str,
    image_dir: str,
    caption: bool = False,
) -> Iterator[SourceRecord]:
    """One record per image: its category names (detection) or captions (``caption=True``).

    Fields: ``categories`` (sorted unique names, detection) or ``captions`` (in file order);
    ``label`` is that list. Images without annotations carry no label and are left out.
    """
    path = root / annotations
    data = load_json(context, path)
    if not isinstance(data, dict):
        return
    names = {c.get("id"): c.get("name") for c in data.get("categories", []) if isinstance(c, dict)}
    by_image: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for number, annotation in enumerate(data.get("annotations", [])):
        if isinstance(annotation, dict) and "image_id" in annotation:
            by_image[annotation["image_id"]].append(annotation)
        else:
            context.problem("annotation without image_id", file=path, record_id=f"#{number}",
                            field="image_id")

    def build(image_id: object, image: Any) -> SourceRecord | None:
        found = by_image.get(image_id)
        if not found:
            return None  # COCO has ~1k unannotated images: nothing to learn, nothing malformed
        file_name = require(image, "file_name")
        relative = context.image(f"{image_dir}/{file_name}")
        if caption:
            values = [str(require(a, "caption")).strip() for a in found]
            fields: dict[str, Any] = {"captions": values}
        else:
            values = sorted({_category(names, a) for a in found})
            fields = {"categories": values}
        return SourceRecord(
            id=str(image_id), images=(relative,), fields=fields, label=values,
        )

    images = [i for i in data.get("images", []) if isinstance(i, dict)]
    yield from context.build_each(((i.get("id"), i) for i in images), build, file=path)


def _category(names: dict[Any, Any], annotation: dict[str, Any]) -> str:
    category_id = require(annotation, "category_id")
    if category_id not in names:
        raise SkipRecord(f"category_id {category_id} is not in categories", field="category_id")
    return str(names[category_id])
