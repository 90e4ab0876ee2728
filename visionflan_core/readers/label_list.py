"""CSV/TSV/TXT label lists: one row per image, naming the image file and its label."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..records import ReadContext, SkipRecord, SourceRecord, require
from ._io import load_rows


def read_label_list(
    context: ReadContext,
    root: Path,
    *,
    file: str,
    image: str | int,
    label: str | int,
    delimiter: str = ",",
    header: bool = True,
    image_dir: str = "",
    class_names: Mapping[str, str] | None = None,
    choices: str | list[str] | None = None,
    fields: Mapping[str, str | int] | None = None,
) -> Iterator[SourceRecord]:
    """Rows of ``file`` -> records; columns are names (with ``header``) or 0-based indexes.

    ``class_names`` maps raw labels (e.g. numeric ids) to names; ``choices="classes"`` offers every
    label found; ``fields`` exposes extra columns to the template.
    """
    path = root / file
    rows = load_rows(context, path, delimiter=delimiter, header=header)
    names = dict(class_names or {})
    if choices == "classes":
        options: list[str] | None = sorted({names.get(str(_cell(r, label)), str(_cell(r, label)))
                                            for _, r in rows if _cell(r, label) is not None})
    else:
        options = choices if isinstance(choices, list) else None

    def build(line: object, row: Any) -> SourceRecord:
        image_name = str(require(_Row(row), image)).strip()
        raw_label = str(require(_Row(row), label)).strip()
        label_name = names.get(raw_label, raw_label)
        relative = context.image(f"{image_dir}/{image_name}" if image_dir else image_name)
        extra = {key: _cell(row, column) for key, column in (fields or {}).items()}
        answer = None
        if options is not None:
            if label_name not in options:
                raise SkipRecord(f"label {label_name!r} is not among the choices", field=str(label))
            answer = options.index(label_name)
        return SourceRecord(
            id=Path(image_name).with_suffix("").as_posix(),
            images=(relative,),
            fields={"class_name": label_name, **extra},
            label=label_name,
            choices=tuple(options) if options is not None else None,
            answer_index=answer,
        )

    yield from context.build_each(((f"line {n}", r) for n, r in rows), build, file=path)


def _cell(row: Any, column: str | int) -> Any:
    try:
        return row[column]
    except (KeyError, IndexError, TypeError):
        return None


class _Row(dict[Any, Any]):
    """Lets :func:`require` read list rows by index and dict rows by name."""

    def __init__(self, row: Any) -> None:
        super().__init__(enumerate(row) if isinstance(row, list) else row)
