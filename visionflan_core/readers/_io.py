"""File reading that reports instead of raising: one unreadable file is a problem, not a crash."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..records import ReadContext, SkipRecord


def load_json(context: ReadContext, path: Path, *, encoding: str = "utf-8") -> Any | None:
    """Parsed JSON, or ``None`` after recording why the file could not be used."""
    try:
        with path.open(encoding=encoding) as stream:
            return json.load(stream)
    except FileNotFoundError:
        context.problem("file is missing", file=path)
    except UnicodeDecodeError as error:
        context.problem(_undecodable(error, encoding), file=path)
    except OSError as error:
        context.problem(f"cannot read: {error.strerror or error}", file=path)
    except ValueError as error:
        context.problem(f"not valid JSON: {error}", file=path)
    return None


def _undecodable(error: UnicodeDecodeError, encoding: str) -> str:
    return (f"not valid {encoding} at byte {error.start}; pass the file's encoding "
            "(e.g. encoding='latin-1') in the reader options")


def load_jsonl(
    context: ReadContext, path: Path, *, encoding: str = "utf-8"
) -> list[tuple[int, Any]]:
    """``(line number, parsed object)`` per line; bad lines are reported and skipped."""
    rows: list[tuple[int, Any]] = []
    try:
        with path.open(encoding=encoding) as stream:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    rows.append((number, json.loads(line)))
                except ValueError as error:
                    context.problem(f"line {number} is not JSON: {error}", file=path)
    except UnicodeDecodeError as error:
        context.problem(_undecodable(error, encoding), file=path)
    except OSError as error:
        context.problem(f"cannot read: {error.strerror or error}", file=path)
    return rows


def load_rows(
    context: ReadContext,
    path: Path,
    *,
    delimiter: str = ",",
    header: bool = True,
    encoding: str = "utf-8-sig",
) -> list[tuple[int, Any]]:
    """CSV/TSV/whitespace rows as ``(line number, dict or list)``; ``delimiter=" "`` splits on runs.

    A file that does not decode in ``encoding`` is reported (with the byte offset) and yields nothing.
    """
    try:
        text = path.read_text(encoding=encoding)
    except UnicodeDecodeError as error:
        context.problem(_undecodable(error, encoding), file=path)
        return []
    except OSError as error:
        context.problem(f"cannot read: {error.strerror or error}", file=path)
        return []
    if delimiter == " ":
        rows = [(n, line.split()) for n, line in enumerate(text.splitlines(), start=1)]
    else:
        rows = _csv_rows(text, delimiter)
    numbered = [(n, row) for n, row in rows if row and any(c.strip() for c in row)]
    if not header:
        return numbered
    if not numbered:
        context.problem("file is empty", file=path)
        return []
    names = [name.strip() for name in numbered[0][1]]
    return [(n, dict(zip(names, row, strict=False))) for n, row in numbered[1:]]


def _csv_rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """CSV records numbered by the line they start on; a quoted field may hold newlines."""
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))  # long captions and tweets
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    for row in reader:
        rows.append((start, row))
        start = reader.line_num + 1
    return rows


def load_shaped(
    context: ReadContext, path: Path, kind: type, key: str | None = None, *, encoding: str = "utf-8"
) -> Any:
    """The file's top level (or its ``key`` member) if it is a ``kind``; else ``None``, reported.

    A missing or unparsable file is reported by :func:`load_json`; a wrong shape (a list where
    an object was expected, a missing wrapper key such as ``{"data": [...]}``) is reported here.
    """
    data = load_json(context, path, encoding=encoding)
    if data is None:
        return None
    if key is not None:
        data = data.get(key) if isinstance(data, dict) else None
    if not isinstance(data, kind):
        where = f"'{key}'" if key else "the top level"
        context.problem(f"expected {where} to be a JSON {kind.__name__}", file=path, field=key)
        return None
    return data


def as_object(raw: Any) -> dict[str, Any]:
    """``raw`` if it is a JSON object; a record that is not one is skipped."""
    if not isinstance(raw, dict):
        raise SkipRecord("record is not a JSON object")
    return raw


def stream_json(
    context: ReadContext,
    path: Path,
    prefix: str,
    *,
    pairs: bool = False,
    unit: str = "entry",
    install_hint: str | None = None,
    report_empty: bool = True,
) -> Iterator[Any]:
    r"""The values at ``prefix`` of a JSON file (``item`` for a top-level list's items,
    ``questions.item`` for a member list's), or with ``pairs`` the ``(name, value)`` pairs of the
    top-level object (``prefix`` ``""``), one at a time, so memory does not grow with the file.

    Streamed with ``ijson`` (the ``export`` extra). Without it the file is loaded whole with the
    same result, unless ``install_hint`` is given (files too large to load): then ``ImportError``
    with that hint. A missing, unreadable or invalid file is one problem (naming how many
    ``unit``\ s came before the error); no values at all is one too, unless ``report_empty`` is off.
    """
    key = prefix.removesuffix("item").rstrip(".")
    try:
        import ijson
    except ImportError:
        if install_hint is not None:
            raise ImportError(install_hint) from None
        if pairs:
            yield from (load_shaped(context, path, dict) or {}).items()
        else:
            yield from load_shaped(context, path, list, key or None) or []
        return
    count = 0
    try:
        with path.open("rb") as stream:
            values = ijson.kvitems(stream, prefix, use_float=True) if pairs else \
                ijson.items(stream, prefix, use_float=True)
            for value in values:
                count += 1
                yield value
    except FileNotFoundError:
        context.problem("file is missing", file=path)
        return
    except OSError as error:
        context.problem(f"cannot read: {error.strerror or error}", file=path)
        return
    except ijson.JSONError as error:
        context.problem(f"not valid JSON after {unit} {count}: {error}", file=path)
        return
    if count == 0 and report_empty:
        context.problem(f'no entries under "{key}"' if key else "no entries", file=path,
                        field=key or None)
