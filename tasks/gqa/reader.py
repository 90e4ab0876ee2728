"""GQA balanced questions: one JSON object keyed by question id, images ``images/<imageId>.jpg``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, load_shaped, require


def read_gqa(
    context: ReadContext,
    root: Path,
    *,
    questions: str = "train_balanced_questions.json",
    image_dir: str = "images",
) -> Iterator[SourceRecord]:
    """One record per question: field ``question``, label ``answer`` (``fullAnswer`` is unused).

    The record id is ``<question id>_<imageId>``, the MultiInstruct ``unique_id`` the release keeps.
    """
    path = root / questions
    data = load_shaped(context, path, dict)
    if data is None:
        return

    def build(question_id: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        image_id = str(require(raw, "imageId")).strip()
        if not image_id or "/" in image_id:
            raise SkipRecord(f"imageId {image_id!r} is not a file stem", field="imageId")
        return SourceRecord(
            id=f"{question_id}_{image_id}",
            images=(context.image(f"{image_dir}/{image_id}.jpg"),),
            fields={"question": str(require(raw, "question")).strip()},
            label=str(require(raw, "answer")).strip(),
        )

    yield from context.build_each(data.items(), build, file=path)
