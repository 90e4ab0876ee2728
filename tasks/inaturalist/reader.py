"""iNaturalist 2021: COCO-like ``train.json``/``val.json`` whose categories carry the taxonomy.

One reader serves every ``INATURALIST+*`` task: ``label`` names the category key (or keys) the task
asks for, so the phylum task and the Latin/English-name task differ only in their ``task.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_json, require

#: The category keys of the 2021 files exposed to templates (``name`` is the Latin binomial).
TAXONOMY = (
    "kingdom", "phylum", "class", "order", "family", "genus", "specific_epithet",
    "name", "common_name", "supercategory",
)


def read_inaturalist(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "train.json",
    label: str | Sequence[str] = "name",
    choices: Sequence[str] | None = None,
) -> Iterator[SourceRecord]:
    """One record per annotated image; its category's taxonomy becomes the template fields.

    ``label`` is one category key (the raw label is that string) or several (a dict of them).
    ``choices`` turns the task into multiple choice over that fixed list (the supercategories).
    The record id is the image file name (``<uuid>.jpg``), as in the released ids.
    """
    path = root / annotations
    data = load_json(context, path)
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(data.get("annotations"), list):
        context.problem("expected an object with an 'annotations' list (test.json has none)",
                        file=path, field="annotations")
        return
    categories = {c.get("id"): c for c in data.get("categories", []) if isinstance(c, dict)}
    by_image = {a.get("image_id"): a for a in data["annotations"] if isinstance(a, dict)}
    keys = (label,) if isinstance(label, str) else tuple(label)

    def build(image_id: object, image: Any) -> SourceRecord:
        file_name = str(require(image, "file_name"))
        annotation = by_image.get(image_id)
        if annotation is None:
            raise SkipRecord("image has no annotation", field="annotations")
        category = categories.get(require(annotation, "category_id"))
        if category is None:
            raise SkipRecord("category_id is not in categories", field="category_id")
        taxonomy = _taxonomy(category, keys)
        raw = taxonomy[keys[0]] if isinstance(label, str) else {k: taxonomy[k] for k in keys}
        answer = None
        if choices is not None:
            if not isinstance(raw, str) or raw not in choices:
                raise SkipRecord(f"{raw!r} is not among the choices", field=keys[0])
            answer = list(choices).index(raw)
        return SourceRecord(
            id=PurePosixPath(file_name).name,
            images=(context.image(file_name),),
            fields=taxonomy,
            label=raw,
            choices=tuple(choices) if choices is not None else None,
            answer_index=answer,
        )

    images = [i for i in data.get("images", []) if isinstance(i, dict)]
    yield from context.build_each(((i.get("id"), i) for i in images), build, file=path)


def _taxonomy(category: dict[str, Any], required: Sequence[str]) -> dict[str, str]:
    """Every taxonomy key as a string; the keys the task labels with must be present."""
    for key in required:
        if not str(require(category, key)).strip():
            raise SkipRecord(f"category field {key!r} is empty", field=key)
    return {key: str(category.get(key) or "").strip() for key in TAXONOMY}
