"""``parquet``: ``datasets`` features (an ``Image`` list) written in row groups with pyarrow, so
``datasets.load_dataset("parquet", ...)`` decodes images while shards are written streaming."""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from datasets import Features, Image, List, Value

from . import OutputRecord, ShardWriter

ROWS_PER_GROUP = 256
_TURN = {"from": Value("string"), "value": Value("string")}
FEATURES = Features({
    "id": Value("string"),
    "task_id": Value("string"),
    "task_name": Value("string"),
    "category": Value("string"),
    "images": List(Image()),
    "image_paths": List(Value("string")),
    "conversations": List(_TURN),
    "raw_label": Value("string"),  # JSON text: labels are of any type
    "provenance": {
        "task_version": Value("string"),
        "template_id": Value("string"),
        "template_hash": Value("string"),
        "source_record_id": Value("string"),
        "seed": Value("int64"),
    },
})


def image_cells(record: OutputRecord) -> list[dict[str, Any]]:
    """The record's images as ``Image`` feature cells: the prepared bytes and the file name."""
    return [{"bytes": image.read(), "path": image.name} for image in record.images]


class ParquetWriter(ShardWriter):
    """Buffers at most one row group of rows (with their image bytes)."""

    folder = "parquet"
    suffix = ".parquet"
    features: Features = FEATURES

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.schema = self.features.arrow_schema
        self.writer = pq.ParquetWriter(self.temporary, self.schema)
        self.rows: list[dict[str, Any]] = []

    def row(self, record: OutputRecord) -> dict[str, Any]:
        """One row in ``features``' shape."""
        full = record.full()
        return {
            **{k: full[k] for k in ("id", "task_id", "task_name", "category", "conversations",
                                    "provenance")},
            "images": image_cells(record),
            "image_paths": full["images"],
            "raw_label": json.dumps(full["raw_label"], ensure_ascii=False),
        }

    def add(self, record: OutputRecord) -> None:
        self.rows.append(self.features.encode_example(self.row(record)))
        if len(self.rows) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def _finish(self) -> None:
        self._flush()
        self.writer.close()
