"""A-OKVQA: ``aokvqa_v1p0_<split>.json`` (a JSON list) over COCO 2017 images.

Each question has four ``choices`` with ``correct_choice_idx``, ten ``direct_answers`` and three
``rationales``. The three Vision-Flan tasks differ only in template and target, so they share this
reader and pick the raw label with ``label``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, load_shaped, require


def read_a_okvqa(
    context: ReadContext,
    root: Path,
    *,
    split: str = "train",
    image_dir: str | None = None,
    label: Literal["answer", "rationales"] = "answer",
) -> Iterator[SourceRecord]:
    """One record per question; fields ``question``, ``answer`` (correct choice), ``rationales``.

    The release keys instances by the 12-digit COCO image id, which several questions share, so
    the record id is ``<image id:012d>-<question_id>``: the released id stays its prefix and ids
    are unique.
    Images are ``<image_dir>/<image id:012d>.jpg`` (``image_dir`` defaults to ``<split>2017``).
    """
    path = root / f"aokvqa_v1p0_{split}.json"
    data = load_shaped(context, path, list)
    if data is None:
        return
    folder = image_dir or f"{split}2017"

    def build(_: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        question_id = require(raw, "question_id")
        question = str(require(raw, "question")).strip()
        answer = _correct_choice(raw)
        rationales = [str(r).strip() for r in _non_empty_list(raw, "rationales")]
        stem = _image_stem(require(raw, "image_id"))
        image = context.image(f"{folder}/{stem}.jpg")
        return SourceRecord(
            id=f"{stem}-{question_id}",
            images=(image,),
            fields={"question": question, "answer": answer, "rationales": rationales},
            label=answer if label == "answer" else rationales,
        )

    items = [(_question_id(raw, number), raw) for number, raw in enumerate(data)]
    yield from context.build_each(items, build, file=path)


def _question_id(raw: Any, number: int) -> object:
    """The question's own id, or its position when that is missing (so the report can say which)."""
    found = raw.get("question_id") if isinstance(raw, dict) else None
    return found if found is not None else f"#{number}"


def _correct_choice(raw: Any) -> str:
    choices = _non_empty_list(raw, "choices")
    index = require(raw, "correct_choice_idx")
    if not isinstance(index, int) or not 0 <= index < len(choices):
        raise SkipRecord(f"correct_choice_idx {index!r} is not an index into choices",
                         field="correct_choice_idx")
    return str(choices[index]).strip()


def _non_empty_list(raw: Any, key: str) -> list[Any]:
    value = require(raw, key)
    if not isinstance(value, list) or not value:
        raise SkipRecord(f"field {key!r} is not a non-empty list", field=key)
    return value


def _image_stem(image_id: Any) -> str:
    if isinstance(image_id, bool) or not isinstance(image_id, int):
        raise SkipRecord(f"image_id {image_id!r} is not an integer", field="image_id")
    return f"{image_id:012d}"
