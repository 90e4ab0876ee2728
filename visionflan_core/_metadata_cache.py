"""A small on-disk cache of validated metadata, so listing tasks skips YAML parsing and pydantic.

An entry is keyed by name and stamped with the (mtime_ns, ctime_ns, size) of every file it was made
from, taken *before* those files are read: an edit that lands while they are validated leaves a
stamp that no longer matches, so the entry is rebuilt next time rather than served stale. The whole
cache is keyed by the files that define validity (spec, vocabularies, this module). A cache file of
any malformed shape is a miss; one that cannot be written is simply not kept. ``VISIONFLAN_NO_CACHE=1``
bypasses it. Stored with :mod:`marshal` (built in, and several times faster to load than JSON);
the file name is per interpreter prefix, so a marshal format change cannot leak in.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

_VALIDITY_FILES = ("spec.py", "vocab.py", "registry.py", "_metadata_cache.py")

Stamp = list[int]
Outcome = dict[str, Any]


def stamp(paths: Sequence[Path]) -> list[Stamp]:
    """The stamps of ``paths`` (raises OSError if one is missing)."""
    stamps = []
    for path in paths:
        info = os.stat(path)
        stamps.append([info.st_mtime_ns, info.st_ctime_ns, info.st_size])
    return stamps


def cache_dir() -> Path:
    """``$VISIONFLAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/visionflan``, else ``~/.cache/visionflan``."""
    own = os.environ.get("VISIONFLAN_CACHE_DIR")
    if own:
        return Path(own)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "visionflan"


def _cache_file() -> Path:
    prefix = f"{zlib.crc32(sys.prefix.encode()):08x}"  # zlib is loaded already; hashlib is not
    return cache_dir() / f"task-metadata-{prefix}.marshal"


def _validity_key() -> str:
    here = Path(__file__).parent
    return repr(stamp([here / name for name in _VALIDITY_FILES]))


class MetadataCache:
    """Read once at discovery, written back once if anything changed."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled and not os.environ.get("VISIONFLAN_NO_CACHE")
        self.path = _cache_file()
        self.entries: dict[str, Any] = {}
        self.seen: set[str] = set()
        self.dirty = False
        self.key = _validity_key() if self.enabled else ""
        if self.enabled:
            self.entries = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            data = marshal.loads(self.path.read_bytes())
        except Exception:  # missing, truncated or foreign: a miss either way
            return {}
        if not isinstance(data, dict) or data.get("key") != self.key:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def get(self, name: str, stamps: list[Stamp]) -> Outcome | None:
        """The cached outcome for ``name`` if it was made from files with exactly ``stamps``."""
        if not self.enabled:
            return None
        self.seen.add(name)
        entry = self.entries.get(name)
        if not isinstance(entry, dict) or entry.get("stamp") != stamps:
            return None
        outcome = entry.get("outcome")
        if not isinstance(outcome, dict) or not (
            isinstance(outcome.get("value"), dict) or isinstance(outcome.get("error"), str)
        ):
            return None
        return outcome

    def put(self, name: str, stamps: list[Stamp], outcome: Outcome) -> None:
        """Remember ``outcome`` under the stamps taken before its files were read."""
        if self.enabled:
            self.seen.add(name)
            self.entries[name] = {"stamp": stamps, "outcome": outcome}
            self.dirty = True

    def save(self) -> None:
        """Write the entries this discovery used; entries of folders no longer found are dropped."""
        if not self.enabled:
            return
        if set(self.entries) - self.seen:
            self.entries = {name: self.entries[name] for name in self.seen if name in self.entries}
            self.dirty = True
        if not self.dirty:
            return
        try:
            import tempfile

            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as stream:
                    marshal.dump({"key": self.key, "entries": self.entries}, stream)
                os.replace(tmp, self.path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            pass
