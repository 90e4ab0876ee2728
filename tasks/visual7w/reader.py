"""Visual7W telling: ``dataset_v7w_telling.json`` ({"images": [...]}, QA pairs per image) and ``images/``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, load_shaped, require


def read_visual7w_telling(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "dataset_v7w_telling.json",
    image_dir: str = "images",
    split: str = "train",
) -> Iterator[SourceRecord]:
    """One record per QA pair of the images in ``split``, id ``<image_id>_<qa_id>``; field ``question``.

    Choices are the three ``multiple_choices`` followed by the ``answer`` (MultiInstruct's order before
    its shuffle); the label is the answer, its final period kept.
    """
    path = root / annotations
    images = load_shaped(context, path, list, "images")
    if images is None:
        return

    def pairs() -> Iterator[tuple[object, Any]]:
        for position, entry in enumerate(images):
            if not isinstance(entry, dict) or not isinstance(entry.get("qa_pairs"), list):
                context.problem("image entry has no 'qa_pairs' list", file=path,
                                record_id=f"image {position}", field="qa_pairs")
                continue
            if entry.get("split") != split:
                continue
            for qa in entry["qa_pairs"]:
                yield (qa.get("qa_id") if isinstance(qa, dict) else f"image {position}"), (entry, qa)

    def build(qa_id: object, raw: tuple[dict[str, Any], Any]) -> SourceRecord:
        entry, qa = raw[0], as_object(raw[1])
        answer = str(require(qa, "answer")).strip()
        wrong = require(qa, "multiple_choices")
        if not isinstance(wrong, list) or not wrong:
            raise SkipRecord("expected a list of wrong answers", field="multiple_choices")
        choices = (*(str(c).strip() for c in wrong), answer)
        if choices.count(answer) > 1:
            raise SkipRecord("the answer is also among the wrong answers", field="multiple_choices")
        return SourceRecord(
            id=f"{require(entry, 'image_id')}_{require(qa, 'qa_id')}",
            images=(context.image(f"{image_dir}/{require(entry, 'filename')}"),),
            fields={"question": str(require(qa, "question")).strip()},
            label=answer,
            choices=choices,
            answer_index=len(choices) - 1,
        )

    yield from context.build_each(pairs(), build, file=path)
