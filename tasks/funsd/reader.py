"""FUNSD: ``dataset/<split>/annotations/<doc>.json`` beside ``dataset/<split>/images/<doc>.png``.

An annotation file is ``{"form": [{"id", "text", "box", "label", "words", "linking"}, ...]}``:
one entry per semantic entity (question, answer, header, other), in reading-annotation order.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_shaped


def read_funsd(
    context: ReadContext, root: Path, *, split: str = "dataset/training_data"
) -> Iterator[SourceRecord]:
    """One record per form, id = the image file name (``0060173256.png``), as released.

    Field ``texts`` (also the label): every entity's ``text`` in file order, empty ones kept (the
    release keeps them as ``""``).
    """
    folder = root / split / "annotations"
    if not folder.is_dir():
        context.problem("annotation folder is missing", file=folder)
        return

    def build(name: object, path: Path) -> SourceRecord | None:
        form = load_shaped(context, path, list, "form")
        if form is None:  # unreadable or wrongly shaped: reported by the loader
            return None
        texts = [_text(entity, number) for number, entity in enumerate(form)]
        if not texts:
            raise SkipRecord("form has no entities", field="form")
        return SourceRecord(id=str(name), images=(context.image(f"{split}/images/{name}"),),
                            fields={"texts": texts}, label=texts)

    files = sorted(folder.glob("*.json"))
    yield from context.build_each(((f"{p.stem}.png", p) for p in files), build, file=folder)


def _text(entity: Any, number: int) -> str:
    if not isinstance(entity, dict) or not isinstance(entity.get("text"), str):
        raise SkipRecord(f"entity #{number} has no text", field="text")
    return str(entity["text"])
