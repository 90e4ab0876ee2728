"""DocVQA single-page task: ``<split>/<split>_v1.0.json`` (``{"data": [...]}``).

Each entry's ``image`` (``documents/<page>.png``) is relative to the folder of the JSON file, as
the RRC archives unpack (``train/train_v1.0.json`` beside ``train/documents/``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, load_shaped, require


def read_docvqa(
    context: ReadContext, root: Path, *, annotations: str = "train/train_v1.0.json"
) -> Iterator[SourceRecord]:
    """One record per question: field ``question``; the label is the ``answers`` list.

    The release keys instances by page image name, which several questions share, so the record id
    is ``<image name>-<questionId>``.
    """
    path = root / annotations
    entries = load_shaped(context, path, list, "data")
    if entries is None:
        return
    folder = Path(annotations).parent.as_posix()

    def build(_: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        question_id = require(raw, "questionId")
        answers = require(raw, "answers")
        if not isinstance(answers, list) or not answers:
            raise SkipRecord("field 'answers' is not a non-empty list", field="answers")
        image = context.image(f"{folder}/{require(raw, 'image')}")
        return SourceRecord(
            id=f"{Path(image).name}-{question_id}",
            images=(image,),
            fields={"question": str(require(raw, "question")).strip()},
            label=[str(a).strip() for a in answers],
        )

    items = [((r.get("questionId") if isinstance(r, dict) else None) or f"#{n}", r)
             for n, r in enumerate(entries)]
    yield from context.build_each(items, build, file=path)
