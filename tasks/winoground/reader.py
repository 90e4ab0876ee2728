"""Winoground: ``examples.jsonl`` (two images and two captions per line) and ``images/``.

Caption *i* describes image *i*. Vision-Flan made one instance per image (``<id>+image_<i>``) and
offered both captions; in every released sample the image's own caption is option (a) and the
swapped one option (b), so the choices are ordered that way (the task may still shuffle them).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_jsonl, require

IMAGES_PER_EXAMPLE = 2


def read_winoground(
    context: ReadContext,
    root: Path,
    *,
    examples: str = "examples.jsonl",
    image_dir: str = "images",
    image_suffix: str = ".png",
) -> Iterator[SourceRecord]:
    """Two records per example, ``<id>+image_0`` and ``<id>+image_1``.

    Fields: ``caption`` (the image's own caption, the label), ``other_caption`` and ``tag``.
    Images are ``<image_dir>/ex_<id>_img_<i><image_suffix>``.
    """
    path = root / examples

    def build(_: object, item: Any) -> SourceRecord:
        raw, index = item
        if not isinstance(raw, dict):
            raise SkipRecord("example is not a JSON object")
        example_id = require(raw, "id")
        own = str(require(raw, f"caption_{index}")).strip()
        other = str(require(raw, f"caption_{1 - index}")).strip()
        image = context.image(f"{image_dir}/ex_{example_id}_img_{index}{image_suffix}")
        return SourceRecord(
            id=f"{example_id}+image_{index}",
            images=(image,),
            fields={"caption": own, "other_caption": other, "tag": str(raw.get("tag") or "")},
            label=own,
            choices=(own, other),
            answer_index=0,
        )

    items = [
        (f"{_example_id(raw, number)}+image_{index}", (raw, index))
        for number, raw in load_jsonl(context, path)
        for index in range(IMAGES_PER_EXAMPLE)
    ]
    yield from context.build_each(items, build, file=path)


def _example_id(raw: Any, line: int) -> str:
    """The example's own id for messages, or its line number when the id is missing."""
    if isinstance(raw, dict) and raw.get("id") is not None:
        return str(raw["id"])
    return f"line {line}"
