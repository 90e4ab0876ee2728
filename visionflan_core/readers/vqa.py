"""VQA-format question/annotation JSON pairs (VQAv2, OK-VQA and their relatives)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from ..reader_kit import most_common
from ..records import ReadContext, SkipRecord, SourceRecord, require
from ._io import load_json


def read_vqa(
    context: ReadContext,
    root: Path,
    *,
    questions: str,
    annotations: str,
    image_dir: str,
    image_pattern: str = "COCO_{image_dir}_{image_id:012d}.jpg",
    answer: Literal["most_common", "multiple_choice_answer"] = "multiple_choice_answer",
) -> Iterator[SourceRecord]:
    """One record per question: ``question`` and ``answers`` fields; the label is one answer.

    ``answer="most_common"`` takes the most frequent of the annotators' answers, ties broken by first
    appearance (the MultiInstruct rule, made deterministic); otherwise ``multiple_choice_answer``.
    """
    questions_file, annotations_file = root / questions, root / annotations
    question_data = load_json(context, questions_file)
    annotation_data = load_json(context, annotations_file)
    if not isinstance(question_data, dict) or not isinstance(annotation_data, dict):
        return
    by_question = {
        a.get("question_id"): a for a in annotation_data.get("annotations", []) if isinstance(a, dict)
    }

    def build(question_id: object, raw: Any) -> SourceRecord:
        text = str(require(raw, "question")).strip()
        image_id = require(raw, "image_id")
        annotation = by_question.get(question_id)
        if annotation is None:
            raise SkipRecord("question has no annotation", field="question_id")
        answers = [str(require(a, "answer")).strip() for a in require(annotation, "answers")]
        if answer == "most_common":
            label = most_common(answers, field="answers")
        else:
            label = str(require(annotation, "multiple_choice_answer")).strip()
        try:
            image_name = image_pattern.format(image_dir=image_dir, image_id=int(image_id))
        except (TypeError, ValueError):
            raise SkipRecord(f"image_id {image_id!r} is not an integer", field="image_id") from None
        relative = context.image(f"{image_dir}/{image_name}")
        return SourceRecord(
            id=str(question_id),
            images=(relative,),
            fields={"question": text, "answers": answers},
            label=label,
        )

    items = [q for q in question_data.get("questions", []) if isinstance(q, dict)]
    yield from context.build_each(((q.get("question_id"), q) for q in items), build,
                                  file=questions_file)
