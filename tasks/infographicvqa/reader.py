"""InfographicVQA: ``infographicsvqa_qas/infographicsVQA_<split>_v1.0.json`` and ``infographicsvqa_images/``.

The QA file is ``{"dataset_name", "dataset_version", "dataset_split", "data": [...]}``; an entry is
``{questionId, question, image_local_name: "<n>.jpeg", image_url, ocr_output_file, answers,
data_split}``, read with DocVQA's RRC helpers (the validation file, ``..._val_v1.0_withQT.json``,
adds answer and evidence types).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_tasks.docvqa.reader import answer_list, keyed

from visionflan_core.reader_kit import ReadContext, SourceRecord, as_object, load_shaped, require


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
        answers = answer_list(raw)
        return SourceRecord(
            id=str(require(raw, "questionId")),
            images=(context.image(f"{image_dir}/{require(raw, 'image_local_name')}"),),
            fields={"question": str(require(raw, "question")).strip()},
            label=answers,
        )

    yield from context.build_each(keyed(entries, "questionId"), build, file=path)
