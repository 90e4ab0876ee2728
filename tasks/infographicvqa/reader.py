"""InfographicVQA: ``infographicsvqa_qas/infographicsVQA_<split>_v1.0.json`` and ``infographicsvqa_images/``.

The QA file is ``{"dataset_name", "dataset_version", "dataset_split", "data": [...]}``; an entry is
``{questionId, question, image_local_name: "<n>.jpeg", image_url, ocr_output_file, answers,
data_split}`` (the validation file, ``..._val_v1.0_withQT.json``, adds answer and evidence types).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, load_shaped, require


def read_infographicvqa(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "infographicsvqa_qas/infographicsVQA_train_v1.0.json",
    image_dir: str = "infographicsvqa_images",
) -> Iterator[SourceRecord]:
    """One record per question, id = ``questionId``; field ``question``, label the ``answers`` list."""
    path = root / annotations
    entries = load_shaped(context, path, list, "data")
    if entries is None:
        return

    def build(question_id: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        answers = require(raw, "answers")
        if not isinstance(answers, list) or not answers:
            raise SkipRecord("field 'answers' is not a non-empty list", field="answers")
        return SourceRecord(
            id=str(require(raw, "questionId")),
            images=(context.image(f"{image_dir}/{require(raw, 'image_local_name')}"),),
            fields={"question": str(require(raw, "question")).strip()},
            label=[str(a).strip() for a in answers],
        )

    items = [((r.get("questionId") if isinstance(r, dict) else None) or f"#{n}", r)
             for n, r in enumerate(entries)]
    yield from context.build_each(items, build, file=path)
