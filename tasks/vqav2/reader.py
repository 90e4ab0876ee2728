"""VQAv2's question-image match (MultiInstruct): can this image answer this question?

The generic :func:`visionflan_core.readers.vqa.read_vqa` reads the question/annotation pair; this
module only swaps, for about half the records, the question for one asked about another image.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from visionflan_core.reader_kit import OtherRecords, ReadContext, SourceRecord
from visionflan_core.readers.vqa import read_vqa


def read_question_image_match(
    context: ReadContext,
    root: Path,
    *,
    questions: str,
    annotations: str,
    image_dir: str,
    vocabularies: list[list[str]],
    answer: Literal["most_common", "multiple_choice_answer"] = "multiple_choice_answer",
) -> Iterator[SourceRecord]:
    """One record per question: its own question, or with p = 0.5 a question about another image.

    Per record, seeded by (task, question id): an ``[answerable, not answerable]`` pair from
    ``vocabularies``, then a coin, then (on tails) the other image's question, drawn from the whole
    file, in MultiInstruct's order. Field ``question`` (the one shown); choices are the pair, the
    answer its first entry for the own question, its second for another image's.
    """
    pairs = [tuple(str(v) for v in pair) for pair in vocabularies]
    records = list(read_vqa(context, root, questions=questions, annotations=annotations,
                            image_dir=image_dir, answer=answer))
    pool = OtherRecords(records, group=lambda r: r.images, task_id=context.task_id)

    def build(record_id: object, record: SourceRecord) -> SourceRecord:
        rng = pool.rng(record.id)
        pair = rng.choice(pairs)
        if rng.random() > 0.5:
            question, index = record.fields["question"], 0
        else:
            [other] = pool.draw(record.id, record.images, rng=rng, field="question")
            question, index = other.fields["question"], 1
        return SourceRecord(id=record.id, images=record.images, fields={"question": question},
                            label=pair[index], choices=pair, answer_index=index)

    yield from context.build_each(((r.id, r) for r in records), build, file=root / questions)
