"""Shard writers: one class per output format, fed one record at a time, closed once.

Writers stream (no shard is held in memory with its images) and write under a temporary name
that is renamed on :meth:`ShardWriter.close`, so a shard file exists only once it is complete.
"""

from __future__ import annotations

import contextlib
import importlib
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...example import Example
from ..fsutil import sha256_file
from ..images import PreparedImage

FORMATS: dict[str, str] = {
    "llava": "visionflan_core.export.writers.llava:LlavaWriter",
    "jsonl": "visionflan_core.export.writers.jsonl:JsonlWriter",
    "webdataset": "visionflan_core.export.writers.webdataset:WebDatasetWriter",
    "parquet": "visionflan_core.export.writers.parquet:ParquetWriter",
    "messages": "visionflan_core.export.writers.messages:MessagesWriter",
}
IMAGE_FOLDER_FORMATS = frozenset({"llava", "jsonl"})  # these refer to files under images/


@dataclass(frozen=True)
class OutputRecord:
    """One example as every writer sees it."""

    index: int
    example: Example
    category: str
    images: list[PreparedImage]

    @property
    def key(self) -> str:
        """Position in the mixture: a sample key that sorts and has no dots or slashes."""
        return f"{self.index:09d}"

    @property
    def image_paths(self) -> list[str]:
        """Image paths relative to the output folder."""
        return [f"images/{image.name}" for image in self.images]

    def full(self) -> dict[str, Any]:
        """The complete record with provenance (``jsonl`` lines, ``webdataset`` JSON)."""
        data = self.example.to_json()
        return {
            "id": data["id"],
            "task_id": data["task_id"],
            "task_name": data["release_name"] or data["task_id"],
            "category": self.category,
            "images": self.image_paths,
            "source_images": data["images"],
            "conversations": data["conversations"],
            "raw_label": data["raw_label"],
            "provenance": data["provenance"],
        }


@dataclass(frozen=True)
class ShardFile:
    """A finished shard file: path relative to the output folder, checksum and size."""

    path: str
    sha256: str
    bytes: int

    @classmethod
    def of(cls, out: Path, relative: str) -> ShardFile:
        file = out / relative
        return cls(relative, sha256_file(file), file.stat().st_size)


class ShardWriter(ABC):
    """Writes one shard of one format below ``out``."""

    folder: str
    suffix: str

    def __init__(self, out: Path, shard: int) -> None:
        self.out = out
        self.relative = f"{self.folder}/shard-{shard:05d}{self.suffix}"
        self.path = out / self.relative
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.temporary = self.path.with_name(f".{self.path.name}.partial")

    @abstractmethod
    def add(self, record: OutputRecord) -> None:
        """Append one record."""

    @abstractmethod
    def _finish(self) -> None:
        """Flush everything to ``self.temporary``."""

    def _discard(self) -> None:
        """Release the open file without completing it (may raise; :meth:`abort` ignores that)."""
        self._finish()

    def abort(self) -> None:
        """Drop the unfinished file (the shard will be written again); never raises.

        After a failed write (a full disk) closing may fail again; the partial file goes anyway.
        """
        with contextlib.suppress(Exception):  # the file is thrown away; the first error is reported
            self._discard()
        with contextlib.suppress(OSError):
            self.temporary.unlink(missing_ok=True)

    def close(self) -> ShardFile:
        """Complete the file, move it into place and describe it."""
        self._finish()
        self.temporary.replace(self.path)
        return ShardFile.of(self.out, self.relative)


def writer_class(name: str) -> type[ShardWriter]:
    """The writer for a format name (imported on demand: parquet pulls in ``datasets``)."""
    module, _, attr = FORMATS[name].partition(":")
    cls: type[ShardWriter] = getattr(importlib.import_module(module), attr)
    return cls
