"""VisDial v1.0: ``visdial_1.0_<split>.json`` over COCO 2014 images.

``{"data": {"questions": [str], "answers": [str], "dialogs": [{"image_id", "caption",
"dialog": [{"question": int, "answer": int, "answer_options": [int], "gt_index": int}]}]}}``:
turns index the global question and answer pools. Train images are COCO train2014 or val2014 files.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_shaped, require

COCO_2014 = (
    "train2014/COCO_train2014_{image_id:012d}.jpg",
    "val2014/COCO_val2014_{image_id:012d}.jpg",
)


def read_visdial(
    context: ReadContext,
    root: Path,
    *,
    history: int,
    annotations: str = "visdial_1.0_train.json",
    image_patterns: Sequence[str] = COCO_2014,
) -> Iterator[SourceRecord]:
    """One record per dialog: rounds 1..``history`` as context, round ``history + 1`` asked.

    Fields: ``history`` (list of ``{question, answer}``), ``question``, ``answer`` (the label) and
    ``caption``. Questions get a final ``?`` when the pool string lacks one (the released prompts
    show it). The record id is the image id; the image is the first of ``image_patterns`` present.
    """
    path = root / annotations
    data = load_shaped(context, path, dict, "data")
    if data is None:
        return
    questions, answers = data.get("questions") or [], data.get("answers") or []

    def turn(raw: Any) -> dict[str, str]:
        question = _pooled(questions, require(raw, "question"), "question")
        if not question.endswith("?"):
            question += "?"
        return {"question": question, "answer": _pooled(answers, require(raw, "answer"), "answer")}

    def build(image_id: object, raw: Any) -> SourceRecord:
        rounds = require(raw, "dialog")
        if not isinstance(rounds, list) or len(rounds) <= history:
            raise SkipRecord(f"dialog has fewer than {history + 1} rounds", field="dialog")
        turns = [turn(r) for r in rounds[: history + 1]]
        asked = turns[-1]
        return SourceRecord(
            id=str(image_id), images=(_image(context, root, image_patterns, image_id),),
            fields={"history": turns[:-1], "question": asked["question"],
                    "answer": asked["answer"], "caption": str(raw.get("caption") or "")},
            label=asked["answer"],
        )

    dialogs = [d for d in data.get("dialogs") or [] if isinstance(d, dict)]
    yield from context.build_each(((d.get("image_id"), d) for d in dialogs), build, file=path)


def _pooled(pool: list[Any], index: Any, field: str) -> str:
    """The pool string a turn points at; a bad index drops the record."""
    if not isinstance(index, int) or not 0 <= index < len(pool):
        raise SkipRecord(f"{field} index {index!r} is outside the {field} pool", field=field)
    return str(pool[index]).strip()


def _image(context: ReadContext, root: Path, patterns: Sequence[str], image_id: object) -> str:
    if not isinstance(image_id, int):
        raise SkipRecord(f"image_id {image_id!r} is not an integer", field="image_id")
    candidates = [p.format(image_id=image_id) for p in patterns]
    found = next((c for c in candidates if (root / c).is_file()), candidates[0])
    return context.image(found)
