"""VQA-E: ``VQA-E_<split>_set.json``, a JSON list of VQA records with an ``explanation``; COCO images."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, load_shaped, require


def read_vqa_e(
    context: ReadContext,
    root: Path,
    *,
    annotations: str,
    image_pattern: str,
    label: Literal["multiple_choice_answer", "explanation"],
) -> Iterator[SourceRecord]:
    """One record per list entry, id ``<img_id>+<position in the list>`` (the released id shape).

    Fields ``question`` and ``explanation`` (the explanation's text, ``explanation[0]``); the label is
    the ``multiple_choice_answer`` or the explanation text, as ``label`` says. ``image_pattern`` is the
    image path below ``root`` with ``{image_id}``.
    """
    path = root / annotations
    entries = load_shaped(context, path, list)
    if entries is None:
        return

    def build(index: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        image_id = require(raw, "img_id")
        explanation = require(raw, "explanation")
        if not isinstance(explanation, list) or not explanation or not isinstance(explanation[0], str):
            raise SkipRecord("expected [text, score]", field="explanation")
        fields = {"question": str(require(raw, "question")).strip(), "explanation": explanation[0]}
        try:
            image = image_pattern.format(image_id=int(image_id))
        except (TypeError, ValueError):
            raise SkipRecord(f"img_id {image_id!r} is not an integer", field="img_id") from None
        target = explanation[0] if label == "explanation" else str(require(raw, label)).strip()
        if not target.strip():
            raise SkipRecord("empty", field=label)
        return SourceRecord(id=f"{image_id}+{index}", images=(context.image(image),), fields=fields,
                            label=target)

    yield from context.build_each(enumerate(entries), build, file=path)
