"""IconQA: ``iconqa_data/iconqa/<split>/<subtask>/<pid>/data.json`` beside ``image.png``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, each_problem, require


def read_iconqa(
    context: ReadContext,
    root: Path,
    *,
    split: str = "train",
    subtask: str = "choose_txt",
    base: str = "iconqa_data/iconqa",
) -> Iterator[SourceRecord]:
    """One record per problem: field ``question``; the label is the answer text.

    For ``choose_*`` the ``answer`` is an index into ``choices`` and the label is that choice's
    text (the release does not show the choices); for ``fill_in_blank`` it is the answer itself.
    The record id is the problem id (the folder name), as released.
    """
    folder = f"{base}/{split}/{subtask}"

    def build(pid: object, item: Any) -> SourceRecord:
        data, image = as_object(item[0]), item[1]
        return SourceRecord(
            id=str(pid),
            images=(context.image(image),),
            fields={"question": str(require(data, "question")).strip()},
            label=_answer_text(data, subtask),
        )

    yield from each_problem(context, root, folder, "image.png", build)


def _answer_text(data: dict[str, Any], subtask: str) -> str:
    answer = require(data, "answer")
    if subtask == "fill_in_blank" or "choices" not in data:
        return str(answer).strip()
    choices = require(data, "choices")
    if isinstance(answer, bool) or not isinstance(answer, int) or not isinstance(choices, list) \
            or not 0 <= answer < len(choices):
        raise SkipRecord(f"answer {answer!r} is not an index into choices", field="answer")
    return str(choices[answer]).strip()
