"""Visual Genome QA: ``question_answers.json`` (per image, its ``qas``) and ``VG_100K*/<id>.jpg``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, load_shaped, require


def read_visual_genome_qa(
    context: ReadContext,
    root: Path,
    *,
    questions: str = "question_answers.json",
    image_dirs: Sequence[str] = ("VG_100K", "VG_100K_2"),
) -> Iterator[SourceRecord]:
    """One record per QA pair, id ``<image_id>_<qa_id>``; field ``question``, label the answer.

    The image is ``<image_id>.jpg`` in the first of ``image_dirs`` that has it (Visual Genome splits its
    images over two archives). The label is the answer without its final period.
    """
    path = root / questions
    entries = load_shaped(context, path, list)
    if entries is None:
        return

    def pairs() -> Iterator[tuple[object, Any]]:
        for position, entry in enumerate(entries):
            qas = entry.get("qas") if isinstance(entry, dict) else None
            if not isinstance(qas, list):
                context.problem("image entry has no 'qas' list", file=path, record_id=f"entry {position}",
                                field="qas")
                continue
            for qa in qas:
                yield (qa.get("qa_id") if isinstance(qa, dict) else f"entry {position}"), qa

    def build(qa_id: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        image_id = require(raw, "image_id")
        if not isinstance(image_id, int):
            raise SkipRecord(f"image_id {image_id!r} is not an integer", field="image_id")
        answer = str(require(raw, "answer")).strip()
        answer = answer[:-1].rstrip() if answer.endswith(".") else answer
        if not answer:
            raise SkipRecord("empty answer", field="answer")
        name = f"{image_id}.jpg"
        folder = next((d for d in image_dirs if (root / d / name).is_file()), image_dirs[0])
        return SourceRecord(
            id=f"{image_id}_{require(raw, 'qa_id')}",
            images=(context.image(f"{folder}/{name}"),),
            fields={"question": str(require(raw, "question")).strip()},
            label=answer,
        )

    yield from context.build_each(pairs(), build, file=path)
