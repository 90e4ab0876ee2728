"""Report text that is the same on every machine and every run: no object reprs, no absolute paths.

Reports and the plan fingerprint are compared byte for byte between runs, so a message such as
``cannot identify image file <_io.BytesIO object at 0x7f...>`` or one quoting ``/home/me/data/x``
is normalised before it is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_REPR = re.compile(r"<([\w.]+) object at 0x[0-9a-fA-F]+>")
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def stable_text(text: str, places: Iterable[tuple[Path | str, str]] = ()) -> str:
    """``text`` with object reprs shortened to ``<type>`` and each place replaced by its name.

    ``places`` are ``(path, name)`` pairs, e.g. ``(data_root, "<data-root>")``; both the path as
    given and its resolved form are replaced, longest first.
    """
    text = _ADDRESS.sub("", _REPR.sub(r"<\1>", text))
    pairs: list[tuple[str, str]] = []
    for path, name in places:
        for form in {str(path), str(Path(path).resolve())}:
            if form and form not in (".", "/"):
                pairs.append((form, name))
    for form, name in sorted(pairs, key=lambda pair: -len(pair[0])):
        text = text.replace(form, name)
    return text


def describe_error(error: BaseException) -> str:
    """``Type: message`` on one line, for an exception from code we do not own (plugins, readers)."""
    message = " ".join(str(error).split())
    name = type(error).__name__
    return f"{name}: {message}" if message else name
