"""AI2D: ``questions/<image>.json`` files, each a dict of questions keyed by their text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_shaped, require


def read_ai2d(
    context: ReadContext, root: Path, *, questions_dir: str = "questions", image_dir: str = "images"
) -> Iterator[SourceRecord]:
    """One multiple-choice record per question: ``answerTexts`` with ``correctAnswer`` (0-based).

    The record id is ``questionId`` (``689.png-0``), the release's id. Question files are read in
    numeric order of their image, questions in file order.
    """
    folder = root / questions_dir
    if not folder.is_dir():
        context.problem("questions folder is missing", file=folder)
        return
    for path in sorted(folder.glob("*.json"), key=_image_number):
        questions = load_shaped(context, path, dict, "questions")
        if questions is None:
            continue
        image = f"{image_dir}/{path.name.removesuffix('.json')}"
        items = [(_question_id(raw, text), (str(text), raw, image, path.name))
                 for text, raw in questions.items()]
        yield from context.build_each(items, lambda _, item: _record(context, *item), file=path)


def _record(context: ReadContext, text: str, raw: Any, image: str, source: str) -> SourceRecord:
    question_id = require(raw, "questionId")
    choices = require(raw, "answerTexts")
    index = require(raw, "correctAnswer")
    if not isinstance(choices, list) or len(choices) < 2:
        raise SkipRecord("field 'answerTexts' is not a list of options", field="answerTexts")
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(choices):
        raise SkipRecord(f"correctAnswer {index!r} is not an index into answerTexts",
                         field="correctAnswer")
    options = tuple(str(c).strip() for c in choices)
    return SourceRecord(
        id=str(question_id),
        images=(context.image(image),),
        fields={"question": text.strip()},
        label=options[index],
        choices=options,
        answer_index=index,
    )


def _question_id(raw: Any, text: str) -> str:
    found = raw.get("questionId") if isinstance(raw, dict) else None
    return str(found) if found is not None else text


def _image_number(path: Path) -> tuple[int, str]:
    stem = path.name.split(".", 1)[0]
    return (int(stem), path.name) if stem.isdigit() else (-1, path.name)
