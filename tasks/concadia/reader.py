"""Concadia: ``wiki_split.json`` (``{"images": [...]}``) over ``resized/<row_id>.jpg``.

Each entry: ``article_id``, ``filename`` (``<row_id>.jpg``), ``orig_filename``, ``split`` and three
texts, ``description``, ``caption`` and ``context``, each ``{"raw": str, "tokens": [str]}``. The
texts were ASCII-folded, newlines removed and ``[n]`` citation marks stripped by the authors.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, load_shaped, require

TEXTS = ("description", "caption", "context")


def read_concadia(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "wiki_split.json",
    image_dir: str = "resized",
    label: Literal["description", "caption", "context"] = "description",
    splits: list[str] | None = None,
) -> Iterator[SourceRecord]:
    """One record per entry, id = ``filename`` (``34442.jpg``, the released id shape).

    Fields ``description``, ``caption`` and ``context`` (each text's ``raw``, verbatim); the label
    is the one named by ``label``. ``splits`` keeps only entries of those splits (default: all).
    """
    path = root / annotations
    entries = load_shaped(context, path, list, "images")
    if entries is None:
        return

    def build(record_id: object, item: Any) -> SourceRecord | None:
        raw = as_object(item)
        if splits is not None and raw.get("split") not in splits:
            return None
        fields = {name: _raw_text(raw, name) for name in TEXTS}
        name = str(require(raw, "filename"))
        return SourceRecord(id=name, images=(context.image(f"{image_dir}/{name}"),), fields=fields,
                            label=fields[label])

    yield from context.build_each(
        ((_entry_name(item, number), item) for number, item in enumerate(entries)), build, file=path)


def _entry_name(item: Any, number: int) -> str:
    name = item.get("filename") if isinstance(item, dict) else None
    return name if isinstance(name, str) else f"#{number}"


def _raw_text(raw: dict[str, Any], name: str) -> str:
    text = require(raw, name)
    value = text.get("raw") if isinstance(text, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise SkipRecord(f"{name} has no text in 'raw'", field=name)
    return value
