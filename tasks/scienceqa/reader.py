"""ScienceQA: ``problems.json`` (pid -> problem) and ``images/<split>/<pid>/<image>``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import (
    ReadContext,
    SkipRecord,
    SourceRecord,
    as_object,
    choice_index,
    load_shaped,
    require,
)


def read_scienceqa(
    context: ReadContext, root: Path, *, splits: Sequence[str] = ("train", "val", "test"),
    multiple_choice: bool = False, need_solution: bool = False,
) -> Iterator[SourceRecord]:
    """One record per problem with an image in ``splits``; problems without one are out of scope.

    Fields: ``question``, ``hint`` (the context, may be empty), ``answer_text`` and ``solution``; the
    label is the answer text. With ``multiple_choice`` the record offers the problem's choices;
    with ``need_solution`` a problem whose solution is empty is reported and left out.
    """
    path = root / "problems.json"
    problems = load_shaped(context, path, dict)
    if problems is None:
        return

    def build(pid: object, item: Any) -> SourceRecord | None:
        raw = as_object(item)
        if not raw.get("image") or raw.get("split") not in splits:
            return None
        choices = require(raw, "choices")
        if not isinstance(choices, list) or len(choices) < 2:
            raise SkipRecord("choices is not a list of at least two options", field="choices")
        options = tuple(str(choice) for choice in choices)
        answer = choice_index(options, require(raw, "answer"), field="answer")
        solution = " ".join(str(raw.get("solution") or "").split())
        if need_solution and not solution:
            raise SkipRecord("the solution is empty", field="solution")
        return SourceRecord(
            id=str(pid),
            images=(context.image(f"images/{raw['split']}/{pid}/{raw['image']}"),),
            fields={"question": str(require(raw, "question")), "hint": str(raw.get("hint") or "").strip(),
                    "answer_text": options[answer], "solution": solution},
            label=options[answer],
            choices=options if multiple_choice else None,
            answer_index=answer if multiple_choice else None,
        )

    yield from context.build_each(problems.items(), build, file=path)
