"""CLEVR-style question files (``{"info", "questions": [...]}``) grouped by image.

Shared by CLEVR v1.0, CLEVR-CoGenT and CLEVR-Humans (same keys: ``image_filename``,
``question``, ``answer``). The Vision-Flan CLEVR tasks are keyed by image file name: one question
per image for plain QA, up to nine questions of one image for the multi-question, matching and
context tasks. The questions taken are an image's first ones in file order, as in the release
(its three multi-question samples list their questions in the file's order).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from visionflan_core.reader_kit import (
    ReadContext,
    SkipRecord,
    SourceRecord,
    load_shaped,
    require,
)

Group = list[tuple[int, dict[str, Any]]]


def read_clevr_questions(
    context: ReadContext,
    root: Path,
    *,
    questions: str,
    image_dir: str,
    per_image: int = 1,
    min_questions: int = 1,
    label: Literal["answer", "answers"] = "answer",
    answer_choices: bool = False,
) -> Iterator[SourceRecord]:
    """One record per image holding its first ``per_image`` questions (fewer if it has fewer).

    Fields: ``questions`` (the taken ``{question, answer}`` pairs, in file order), ``question``
    (the last of them), ``context`` (all but the last). ``label="answer"`` labels the record with
    the last answer, ``"answers"`` with the list. ``answer_choices=True`` also offers the distinct
    answers as choices (``answer_index`` 0 is a placeholder: matching targets come from the
    formatter, the renderer only supplies the seeded order of the answers).
    """
    path = root / questions
    entries = load_shaped(context, path, list, "questions")
    if entries is None:
        return

    def build(image_name: object, group: Group) -> SourceRecord:
        pairs = [_pair(raw, number) for number, raw in group]
        if len(pairs) < min_questions:
            raise SkipRecord(f"image has {len(pairs)} questions; the task needs {min_questions}",
                             field="questions")
        picked = pairs[:per_image]
        answers = [pair["answer"] for pair in picked]
        distinct = tuple(dict.fromkeys(answers))
        return SourceRecord(
            id=str(image_name),
            images=(context.image(f"{image_dir}/{image_name}"),),
            fields={"questions": picked, "question": picked[-1]["question"],
                    "context": picked[:-1]},
            label=answers[-1] if label == "answer" else answers,
            choices=distinct if answer_choices else None,
            answer_index=0 if answer_choices else None,
        )

    yield from context.build_each(_by_image(context, path, entries).items(), build, file=path)


def _by_image(context: ReadContext, path: Path, entries: list[Any]) -> dict[str, Group]:
    """Questions grouped by ``image_filename`` in file order; ones without it are reported."""
    groups: dict[str, Group] = {}
    for number, raw in enumerate(entries):
        name = raw.get("image_filename") if isinstance(raw, dict) else None
        if not isinstance(name, str) or not name:
            context.problem("question without image_filename", file=path,
                            record_id=f"question #{number}", field="image_filename")
            continue
        groups.setdefault(name, []).append((number, raw))
    return groups


def _pair(raw: dict[str, Any], number: int) -> dict[str, str]:
    """``{question, answer}``; a bad question names itself, and drops its image's record."""
    try:
        return {"question": str(require(raw, "question")).strip(),
                "answer": str(require(raw, "answer")).strip()}
    except SkipRecord as skip:
        raise SkipRecord(f"question #{number}: {skip}", field=skip.field) from None
