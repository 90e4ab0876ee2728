"""DVQA: ``qa/<split>_qa.json`` (a JSON list, streamed) and ``images/bar_<split>_<id>.png``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SourceRecord, as_object, require, stream_json

INSTALL_HINT = "the DVQA reader streams its QA files with ijson: pip install 'visionflan[export]'"


def read_dvqa(
    context: ReadContext, root: Path, *, split: str = "train", question_rank: int = 0,
    image_dir: str = "images", qa_dir: str = "qa",
) -> Iterator[SourceRecord]:
    """The ``question_rank``-th question (0-based, file order) of each image; the id is the image name.

    Fields: ``question`` and ``template_id`` (structure, data or reasoning); the label is the answer.
    """
    path = root / qa_dir / f"{split}_qa.json"
    asked: dict[str, int] = {}  # questions seen per image: grows with images, not with questions

    def build(record_id: object, item: Any) -> SourceRecord | None:
        raw = as_object(item)
        image = str(require(raw, "image"))
        rank = asked.get(image, 0)
        asked[image] = rank + 1
        if rank != question_rank:
            return None
        return SourceRecord(
            id=image,
            images=(context.image(f"{image_dir}/{image}"),),
            fields={"question": str(require(raw, "question")),
                    "template_id": str(raw.get("template_id", ""))},
            label=str(require(raw, "answer")),
        )

    questions = stream_json(context, path, "item", unit="question", install_hint=INSTALL_HINT,
                            report_empty=False)
    items = ((f"question {number}", item) for number, item in enumerate(questions, start=1))
    yield from context.build_each(items, build, file=path)
