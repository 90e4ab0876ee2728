"""ViQuAE: ``<split>.jsonl`` (one KILT-style question per line) over ``images/<file name>``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import (
    ReadContext,
    SkipRecord,
    SourceRecord,
    as_object,
    derive_seed,
    load_jsonl,
    require,
)


def read_viquae(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "train.jsonl",
    image_dir: str = "images",
) -> Iterator[SourceRecord]:
    """One record per question: field ``question`` (``input``), label one of ``output.answer``.

    The alias is drawn with a seed derived from the record id, so a question always gets the
    same one. The record id is ``<image file>+<0-based line position>``.
    """
    path = root / annotations

    def build(_: object, item: tuple[int, Any]) -> SourceRecord:
        line, raw = item[0], as_object(item[1])
        aliases = require(as_object(require(raw, "output")), "answer")
        if not isinstance(aliases, list):
            raise SkipRecord("output.answer is not a list", field="answer")
        aliases = [text for text in (str(a).strip() for a in aliases) if text]
        if not aliases:
            raise SkipRecord("no answer alias", field="answer")
        question = str(require(raw, "input")).strip()
        if not question:
            raise SkipRecord("empty question", field="input")
        name = str(require(raw, "image"))
        record_id = f"{name}+{line - 1}"
        answer = aliases[derive_seed("viquae", record_id) % len(aliases)]
        return SourceRecord(id=record_id, images=(context.image(f"{image_dir}/{name}"),),
                            fields={"question": question}, label=answer)

    rows = load_jsonl(context, path)
    yield from context.build_each(((f"line {n}", (n, raw)) for n, raw in rows), build, file=path)
