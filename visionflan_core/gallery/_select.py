"""``--tasks``: comma-separated task ids, release names or shell patterns over either.

A name or pattern that matches nothing is an error with the closest names, never a smaller site.
"""

from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Iterable, Sequence

from .errors import GalleryError


def split_patterns(values: Iterable[str]) -> list[str]:
    """``("a,b", "c")`` -> ``["a", "b", "c"]`` (an option given several times, or one list)."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def select(candidates: Sequence[tuple[str, Sequence[str]]], patterns: Sequence[str]) -> list[str]:
    """The keys of ``candidates`` ((key, names)) that any pattern matches, in candidate order.

    No patterns selects every candidate.
    """
    if not patterns:
        return [key for key, _ in candidates]
    chosen: set[str] = set()
    unmatched = []
    for pattern in patterns:
        hits = {key for key, names in candidates
                if any(fnmatch.fnmatchcase(name, pattern) for name in names if name)}
        if not hits:
            unmatched.append(pattern)
        chosen |= hits
    if unmatched:
        every = sorted({name for _, names in candidates for name in names if name})
        raise GalleryError("; ".join(f"--tasks {pattern!r} matches no task{_hint(pattern, every)}"
                                     for pattern in unmatched))
    return [key for key, _ in candidates if key in chosen]


def _hint(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""
