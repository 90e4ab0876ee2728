"""A small on-disk cache of validated ``task.yaml`` contents, so listing tasks skips pydantic.

Entries are keyed by folder and stamped with the file's (mtime_ns, size); the whole cache is keyed by
the files that define validity (spec, vocabularies, dataset list). Any mismatch means re-validate.
Set ``VISIONFLAN_NO_CACHE=1`` to bypass it; a cache that cannot be written is simply not kept.
Stored with :mod:`marshal` (built in, so no import on start-up, and several times faster to load
than JSON); the file name is per interpreter prefix, so a marshal format change cannot leak in.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any

_VALIDITY_FILES = ("spec.py", "vocab.py", "data/source_datasets.yaml", "_metadata_cache.py")


def _stamp(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_mtime_ns, stat.st_size]


def _cache_file() -> Path:
    base = os.environ.get("VISIONFLAN_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    if not os.environ.get("VISIONFLAN_CACHE_DIR"):
        root = root / "visionflan"
    prefix = f"{zlib.crc32(sys.prefix.encode()):08x}"  # zlib is loaded already; hashlib is not
    return root / f"task-metadata-{prefix}.marshal"


def _validity_key(extra_files: tuple[Path, ...]) -> str:
    """Stamps of what decides validity: core schema files and plugins' dataset lists."""
    here = Path(__file__).parent
    stamps: list[object] = [_stamp(here / name) for name in _VALIDITY_FILES]
    for path in extra_files:
        try:
            stamps.append([str(path), *_stamp(path)])
        except OSError:
            stamps.append([str(path)])
    return repr(stamps)


class MetadataCache:
    """Read once at discovery, written back once if anything changed."""

    def __init__(self, enabled: bool = True, extra_files: tuple[Path, ...] = ()) -> None:
        self.enabled = enabled and not os.environ.get("VISIONFLAN_NO_CACHE")
        self.path = _cache_file()
        self.key = _validity_key(extra_files) if self.enabled else ""
        self.entries: dict[str, Any] = {}
        self.dirty = False
        if self.enabled:
            try:
                data = marshal.loads(self.path.read_bytes())
                if data.get("key") == self.key:
                    self.entries = data["entries"]
            except (OSError, EOFError, ValueError, KeyError, TypeError, AttributeError):
                pass

    def get(self, task_file: Path) -> dict[str, Any] | None:
        """The cached outcome for ``task_file`` (``{"spec": ...}`` or ``{"error": ...}``)."""
        if not self.enabled:
            return None
        entry = self.entries.get(str(task_file))
        try:
            if entry is not None and entry["stamp"] == _stamp(task_file):
                return entry
        except OSError:
            pass
        return None

    def put(self, task_file: Path, outcome: dict[str, Any]) -> None:
        if not self.enabled:
            return
        try:
            self.entries[str(task_file)] = {"stamp": _stamp(task_file), **outcome}
            self.dirty = True
        except OSError:
            pass

    def save(self) -> None:
        if not (self.enabled and self.dirty):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            import tempfile

            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as stream:
                marshal.dump({"key": self.key, "entries": self.entries}, stream)
            os.replace(tmp, self.path)
        except OSError:
            pass
