"""VizWiz VQA: ``Annotations/<split>.json``, a list of questions with ten crowd answers each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, load_shaped, require


def read_vizwiz_vqa(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "Annotations/train.json",
    image_dir: str = "train",
    min_options: int = 2,
) -> Iterator[SourceRecord]:
    """One multiple-choice record per question: the options are the distinct crowd answers.

    The answer is the most frequent one (ties: first given). Questions whose crowd gave fewer than
    ``min_options`` distinct answers make no multiple-choice question and are passed over quietly.
    The record id is the question's position in the file: the release uses a running number.
    """
    path = root / annotations
    data = load_shaped(context, path, list)
    if data is None:
        return

    def build(position: object, item: Any) -> SourceRecord | None:
        raw = as_object(item)
        answers = [_answer_text(a) for a in require(raw, "answers")]
        answers = [a for a in answers if a]
        options = list(dict.fromkeys(answers))
        if len(options) < min_options:
            return None
        counts = Counter(answers)
        best = max(options, key=lambda a: (counts[a], -options.index(a)))
        return SourceRecord(
            id=str(position),
            images=(context.image(f"{image_dir}/{require(raw, 'image')}"),),
            fields={"question": str(require(raw, "question")).strip()},
            label=best,
            choices=tuple(options),
            answer_index=options.index(best),
        )

    yield from context.build_each(enumerate(data), build, file=path)


def _answer_text(answer: Any) -> str:
    if not isinstance(answer, dict):
        raise SkipRecord("an answer is not a JSON object", field="answers")
    return str(require(answer, "answer")).strip()
