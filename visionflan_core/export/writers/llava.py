"""``llava``: the released Vision-Flan format, a JSON list of {id, image, task_name, conversations}."""

from __future__ import annotations

from typing import Any

from ..fsutil import dump_json
from . import OutputRecord, ShardWriter


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
