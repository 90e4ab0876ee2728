"""Page file names: safe on every file system and in a URL, distinct for distinct task names."""

from __future__ import annotations

import hashlib
import re

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def page_key(name: str) -> str:
    """``name`` itself where it is safe, else a cleaned form plus a short hash of the original.

    Task ids are always safe; release names (``AI2D+visual_question_answering``) and names from an
    export's records may hold ``+``, spaces or worse, and two such names must not share a page.
    """
    clean = _UNSAFE.sub("_", name).strip("._")[:80]
    if clean == name and clean:
        return clean
    return f"{clean or 'task'}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"
