"""``jsonl``: one JSON object per line with full provenance; images under ``images/``."""

from __future__ import annotations

from typing import Any

from ..fsutil import dump_json
from . import OutputRecord, ShardWriter


class JsonlWriter(ShardWriter):
    """Streams lines to the temporary file."""

    folder = "jsonl"
    suffix = ".jsonl"

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.handle = self.temporary.open("wb")

    def add(self, record: OutputRecord) -> None:
        self.handle.write(dump_json(record.full(), indent=None))

    def _finish(self) -> None:
        self.handle.close()
