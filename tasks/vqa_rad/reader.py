"""VQA-RAD: ``VQA_RAD Dataset Public.json`` (a JSON list of QA records) and ``VQA_RAD Image Folder/``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, load_shaped, require


def read_vqa_rad(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "VQA_RAD Dataset Public.json",
    image_dir: str = "VQA_RAD Image Folder",
) -> Iterator[SourceRecord]:
    """One record per QA entry, id ``<image_name>+<qid>``; field ``question``, label the answer as text.

    Answers are strings or numbers in the file; numbers are written as they are (``2``, not ``2.0``) and
    the case of text answers is kept (``Yes``).
    """
    path = root / annotations
    entries = load_shaped(context, path, list)
    if entries is None:
        return

    def build(position: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        image_name = str(require(raw, "image_name")).strip()
        if not image_name or "/" in image_name:
            raise SkipRecord(f"image_name {image_name!r} is not a file name", field="image_name")
        answer = require(raw, "answer")
        if isinstance(answer, bool) or not isinstance(answer, (str, int, float)):
            raise SkipRecord(f"answer {answer!r} is not text or a number", field="answer")
        label = str(int(answer)) if isinstance(answer, float) and answer.is_integer() else str(answer).strip()
        if not label:
            raise SkipRecord("empty answer", field="answer")
        return SourceRecord(
            id=f"{image_name}+{require(raw, 'qid')}",
            images=(context.image(f"{image_dir}/{image_name}"),),
            fields={"question": str(require(raw, "question")).strip()},
            label=label,
        )

    yield from context.build_each(enumerate(entries), build, file=path)
