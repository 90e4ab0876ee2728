"""KVQA: ``dataset.json``, an object keyed by image id, over ``KVQAimgs/<image id>.jpg``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, load_shaped, require


def read_kvqa(
    context: ReadContext,
    root: Path,
    *,
    unit: str = "image",
    annotations: str = "dataset.json",
) -> Iterator[SourceRecord]:
    """One record per image (``unit: image``) or per question (``unit: question``).

    Image records: field and label ``caption`` (``wikiCap``), id the image file name. Question
    records: field ``question``, label the answer as text, id ``<image file>+<0-based index>``;
    ``Questions`` and ``Answers`` must be lists of one length. Images are the entry's ``imgPath``.
    """
    if unit not in ("image", "question"):
        raise ValueError(f"unit must be image or question, not {unit!r}")
    path = root / annotations
    data = load_shaped(context, path, dict)
    if data is None:
        return

    def image(raw: dict[str, Any]) -> tuple[str, str]:
        relative = str(require(raw, "imgPath")).strip()
        return context.image(relative), PurePosixPath(relative).name

    def by_image(_: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        caption = str(require(raw, "wikiCap")).strip()
        if not caption:
            raise SkipRecord("empty wikiCap", field="wikiCap")
        found, name = image(raw)
        return SourceRecord(id=name, images=(found,), fields={"caption": caption}, label=caption)

    def questions(key: str, item: Any) -> Iterator[tuple[str, tuple[dict[str, Any], int]]]:
        raw = item if isinstance(item, dict) else {}
        asked = raw.get("Questions")
        for index in range(len(asked) if isinstance(asked, list) else 1):
            yield f"{key}+{index}", (item, index)

    def by_question(_: object, item: tuple[Any, int]) -> SourceRecord:
        raw, index = as_object(item[0]), item[1]
        asked, answers = require(raw, "Questions"), require(raw, "Answers")
        if not isinstance(asked, list) or not isinstance(answers, list) or len(asked) != len(answers):
            raise SkipRecord("Questions and Answers are not lists of one length", field="Answers")
        question, answer = str(asked[index]).strip(), str(answers[index]).strip()
        if not question or not answer:
            raise SkipRecord("empty question or answer", field="Questions" if not question else "Answers")
        found, name = image(raw)
        return SourceRecord(id=f"{name}+{index}", images=(found,), fields={"question": question},
                            label=answer)

    if unit == "image":
        yield from context.build_each(data.items(), by_image, file=path)
    else:
        items = (pair for key, item in data.items() for pair in questions(key, item))
        yield from context.build_each(items, by_question, file=path)
