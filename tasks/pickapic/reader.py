"""Pick-a-Pic (Hugging Face ``yuvalkirstain/pickapic_v1``/``_v2``): ``data/<split>-*.parquet``.

Each row is one preference pair: a user's prompt (``caption``) and two generated images, their
JPEG bytes in ``jpg_0``/``jpg_1`` and their ids in ``image_0_uid``/``image_1_uid``. The bytes are
written once into the derived-image cache (the data folder may be read-only). Reading Parquet needs
pyarrow (the ``export`` extra).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord

INSTALL_HINT = "the Pick-a-Pic reader needs pyarrow: pip install 'visionflan[export]'"
COLUMNS = ["caption", "image_0_uid", "image_1_uid", "jpg_0", "jpg_1"]
_UID = re.compile(r"^[A-Za-z0-9_-]+$")


def read_pickapic(
    context: ReadContext,
    root: Path,
    *,
    files: str = "data/train-*.parquet",
    batch_size: int = 64,
) -> Iterator[SourceRecord]:
    """One record per generated image (both of each pair), the first row of an image winning.

    The record id is the image's uid (``e23c08c1-7efd-4c38-96e2-fc39004639fe``), the released
    shape; the field ``caption`` (the prompt) is also the label. Problems name records
    ``<row>#<0|1>`` (row counted from 0 in its file).
    """
    try:
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ImportError(INSTALL_HINT) from error
    paths = sorted(root.glob(files))
    if not paths:
        context.problem(f"no file matches {files!r}", file=root)
        return
    seen: set[str] = set()

    def rows(path: Path) -> Iterator[tuple[object, Any]]:
        number = 0
        try:
            parquet = pq.ParquetFile(path)
            missing = [c for c in COLUMNS if c not in parquet.schema_arrow.names]
            if missing:
                context.problem(f"columns missing: {', '.join(missing)}", file=path, field=missing[0])
                return
            for batch in parquet.iter_batches(batch_size=batch_size, columns=COLUMNS):
                for row in batch.to_pylist():
                    yield f"{number}#0", (row, 0)
                    yield f"{number}#1", (row, 1)
                    number += 1
        except Exception as error:  # pyarrow raises its own types for a broken file
            context.problem(f"reading stopped after row {number}: {error}", file=path)

    def build_for(path: Path) -> Any:
        def build(record_id: object, item: Any) -> SourceRecord | None:
            row, side = item
            uid = str(row.get(f"image_{side}_uid") or "")
            if not _UID.match(uid):
                raise SkipRecord(f"image uid {uid!r} is not an id", field=f"image_{side}_uid")
            if uid in seen:
                return None  # the same image in another pair: one record per image
            caption = str(row.get("caption") or "").strip()
            if not caption:
                raise SkipRecord("caption is empty", field="caption")
            data = row.get(f"jpg_{side}")
            if not data:
                raise SkipRecord(f"no image bytes for {uid}", field=f"jpg_{side}")
            suffix = ".png" if data.startswith(b"\x89PNG") else ".jpg"

            def write(target: Path) -> None:
                target.write_bytes(data)

            image = context.derived(f"{uid}{suffix}", write, sources=[path])
            seen.add(uid)
            return SourceRecord(id=uid, images=(image,), fields={"caption": caption}, label=caption)

        return build

    for path in paths:
        yield from context.build_each(rows(path), build_for(path), file=path)
