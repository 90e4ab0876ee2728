"""Geometry3K: ``<split>/<id>/data.json`` with ``img_diagram.png``; four choices, answer letter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, each_problem, require

LETTERS = "ABCDEFGH"


def read_geometry3k(
    context: ReadContext, root: Path, *, split: str = "train", text: str = "problem_text"
) -> Iterator[SourceRecord]:
    """One multiple-choice record per problem; field ``question`` is the ``text`` field.

    ``answer`` is a capital letter indexing ``choices``; the label is the chosen text (as in the
    released ``raw_output``). The record id is the problem folder name (the release's id).
    """

    def build(problem_id: object, item: Any) -> SourceRecord:
        data, image = as_object(item[0]), item[1]
        choices = require(data, "choices")
        if not isinstance(choices, list) or len(choices) < 2:
            raise SkipRecord("field 'choices' is not a list of options", field="choices")
        letter = str(require(data, "answer")).strip().upper()
        index = LETTERS.find(letter) if len(letter) == 1 else -1
        if not 0 <= index < len(choices):
            raise SkipRecord(f"answer {letter!r} names no choice", field="answer")
        options = tuple(str(c).strip() for c in choices)
        return SourceRecord(
            id=str(problem_id),
            images=(context.image(image),),
            fields={"question": str(require(data, text)).strip()},
            label=options[index],
            choices=options,
            answer_index=index,
        )

    yield from each_problem(context, root, split, "img_diagram.png", build)
