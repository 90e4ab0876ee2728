"""``llava``: the released Vision-Flan format, a JSON list of {id, image, task_name, conversations}.

Written per shard; ``--llava-single-file`` also joins the shards into one list (:func:`join_shards`),
as LLaVA's ``--data_path`` and the public release take it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import ExportError
from ..fsutil import atomic_path, dump_json
from . import OutputRecord, ShardWriter

SINGLE_FILE = "llava.json"  # in the output folder, so its image paths (images/...) are relative to it
BLOCK = 1 << 20


class LlavaWriter(ShardWriter):
    """One JSON list per shard; ``image`` is relative to the output folder (a list if several)."""

    folder = "llava"
    suffix = ".json"

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.items: list[dict[str, Any]] = []

    def add(self, record: OutputRecord) -> None:
        item: dict[str, Any] = {"id": record.example.id}
        paths = record.image_paths
        if paths:
            item["image"] = paths[0] if len(paths) == 1 else paths
        item["task_name"] = record.example.release_name or record.example.task_id
        item["conversations"] = record.example.to_json()["conversations"]
        self.items.append(item)

    def _finish(self) -> None:
        self.temporary.write_bytes(dump_json(self.items, indent=None))

    def _discard(self) -> None:
        self.items = []  # nothing was written yet: the buffer is simply dropped


def join_shards(out: Path, shards: Sequence[str], target: Path) -> None:
    """Write the shards' lists, in order, as one JSON list at ``target``, atomically.

    Each shard is the compact list :class:`LlavaWriter` wrote (``[...]`` and a newline), so its
    items are copied as bytes, a block at a time: memory stays flat whatever the mixture's size,
    and the file equals ``dump_json`` of all items, byte for byte.
    """
    with atomic_path(target) as temporary, temporary.open("wb") as joined:
        joined.write(b"[")
        first = True
        for relative in shards:
            with (out / relative).open("rb") as shard:
                length = _items_length(shard, relative)
                if length:
                    if not first:
                        joined.write(b",")
                    _copy(shard, joined, length)
                    first = False
        joined.write(b"]\n")


def _items_length(shard: BinaryIO, relative: str) -> int:
    """Bytes between the shard's ``[`` and ``]\\n``; the handle is left just after the ``[``."""
    size = shard.seek(0, 2)
    if size >= 3:
        shard.seek(size - 2)
        tail = shard.read(2)
        shard.seek(0)
        if shard.read(1) == b"[" and tail == b"]\n":
            return size - 3
    raise ExportError(f"{relative}: not a llava shard written by this exporter (a JSON list on one line)")


def _copy(source: BinaryIO, target: BinaryIO, length: int) -> None:
    while length:
        block = source.read(min(BLOCK, length))
        if not block:
            raise ExportError(f"{getattr(source, 'name', 'shard')}: shorter than it was a moment ago")
        target.write(block)
        length -= len(block)
