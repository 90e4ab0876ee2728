"""TDIUC: VQA-format ``Questions/`` and ``Annotations/`` JSON, one answer per question, COCO 2014 images.

The annotations carry a ``question_type`` (12 types); each Vision-Flan task reads one of them, so the
reader keeps only the questions whose annotation has the requested type and never touches the others
(their images are not checked, their problems are not this task's).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import (
    ReadContext,
    SkipRecord,
    SourceRecord,
    as_object,
    load_shaped,
    most_common,
    require,
)


def read_tdiuc(
    context: ReadContext,
    root: Path,
    *,
    question_type: str,
    questions: str,
    annotations: str,
    image_pattern: str,
) -> Iterator[SourceRecord]:
    """One record per question of ``question_type``: field ``question``, label = its answer.

    ``image_pattern`` is the image path below ``root`` with ``{image_id}`` (e.g.
    ``Images/train2014/COCO_train2014_{image_id:012d}.jpg``).
    """
    questions_file, annotations_file = root / questions, root / annotations
    annotation_list = load_shaped(context, annotations_file, list, "annotations")
    question_list = load_shaped(context, questions_file, list, "questions")
    if annotation_list is None or question_list is None:
        return
    wanted = {
        a.get("question_id"): a for a in annotation_list
        if isinstance(a, dict) and a.get("question_type") == question_type
    }

    def build(question_id: object, raw: Any) -> SourceRecord:
        annotation = wanted[question_id]
        image_id = require(raw, "image_id")
        if annotation.get("image_id") != image_id:
            raise SkipRecord(f"annotation is for image {annotation.get('image_id')!r}, not {image_id!r}",
                             field="image_id")
        answers = [str(require(as_object(a), "answer")).strip() for a in require(annotation, "answers")]
        try:
            image = image_pattern.format(image_id=int(image_id))
        except (TypeError, ValueError):
            raise SkipRecord(f"image_id {image_id!r} is not an integer", field="image_id") from None
        return SourceRecord(
            id=str(question_id),
            images=(context.image(image),),
            fields={"question": str(require(raw, "question")).strip()},
            label=most_common(answers, field="answers"),
        )

    mine = [
        (q.get("question_id"), q) for q in question_list
        if isinstance(q, dict) and q.get("question_id") in wanted
    ]
    if not wanted:
        context.problem(f"no annotation has question_type {question_type!r}", file=annotations_file,
                        field="question_type")
    for orphan in sorted(set(wanted) - {question_id for question_id, _ in mine}, key=str):
        context.problem("annotation has no question", file=annotations_file, record_id=orphan,
                        field="question_id")
    yield from context.build_each(mine, build, file=questions_file)
