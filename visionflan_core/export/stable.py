"""Report text that is the same on every machine and every run: no object reprs, no absolute paths.

Reports and the plan fingerprint are compared byte for byte between runs, so a message such as
``cannot identify image file <_io.BytesIO object at 0x7f...>`` or one quoting ``/home/me/data/x``
is normalised before it is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import describe_error

__all__ = ["describe_error", "stable_text"]

_REPR = re.compile(r"<([\w.]+) object at 0x[0-9a-fA-F]+>")
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def stable_text(text: str, places: Iterable[tuple[Path | str, str]] = ()) -> str:
    """``text`` with object reprs shortened to ``<type>`` and each place replaced by its name.

    ``places`` are ``(path, name)`` pairs, e.g. ``(data_root, "<data-root>")``; both the path as
    given and its resolved form are replaced, longest first.
    """
    text = _ADDRESS.sub("", _REPR.sub(r"<\1>", text))
    names: dict[str, str] = {}
    for path, name in places:
        for form in (str(path), str(Path(path).resolve())):
            if form and form not in (".", "/"):
                names.setdefault(form, name)
    if not names:
        return text
    # one pass, longest first: a name put in is never rewritten by a shorter place (a relative
    # ``root`` inside ``<data-root>``), and a place matches only as a whole path, not inside a word
    # a relative place (``root``) counts only where a path goes on from it (``root/gqa``), not as a word
    forms = "|".join(
        re.escape(form) + ("" if form.startswith("/") else "(?=/)")
        for form in sorted(names, key=len, reverse=True)
    )
    pattern = re.compile(rf"(?<![\w.-])(?:{forms})(?![\w.-])")
    return pattern.sub(lambda match: names[match.group(0)], text)


