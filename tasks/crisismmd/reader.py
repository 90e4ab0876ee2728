"""CrisisMMD v2.0: one TSV per event in ``annotations/``, images under ``data_image/``.

TSV columns: ``tweet_id, image_id, text_info, text_info_conf, image_info, image_info_conf,
text_human, text_human_conf, image_human, image_human_conf, image_damage, image_damage_conf,
tweet_text, image_url, image_path``. One reader serves every ``CrisisMMD+*`` task: ``labels``
names the annotation columns the task needs (humanitarian: ``text_human`` and ``image_human``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows, require


def read_crisismmd(
    context: ReadContext,
    root: Path,
    *,
    labels: Sequence[str] = ("text_human", "image_human"),
    base: str = "CrisisMMD_v2.0",
    pattern: str = "annotations/*_final_data.tsv",
) -> Iterator[SourceRecord]:
    """One record per image row (a tweet with two images gives two records).

    Fields: ``tweet_text``, ``event`` and each column of ``labels`` with ``_`` read as spaces
    (``other relevant information``); the raw label is ``{column: value}`` as stored. Rows with an
    empty label column are reported and skipped. The record id is ``image_id``
    (``<tweet_id>_<k>``), as released.
    """
    folder = root / base
    files = sorted(folder.glob(pattern))
    if not files:
        context.problem(f"no annotation files match {pattern}", file=folder)
        return

    def build(_: object, item: tuple[Path, Any]) -> SourceRecord:
        path, row = item
        raw = {column: str(require(row, column)).strip() for column in labels}
        empty = [column for column, value in raw.items() if not value]
        if empty:
            raise SkipRecord(f"no {empty[0]} label", field=empty[0])
        image = context.image(f"{base}/{str(require(row, 'image_path')).strip()}")
        fields = {column: " ".join(value.split("_")) for column, value in raw.items()}
        fields["tweet_text"] = str(require(row, "tweet_text")).strip()
        return SourceRecord(
            id=str(require(row, "image_id")).strip(),
            images=(image,),
            fields={**fields, "event": path.name.removesuffix("_final_data.tsv")},
            label=raw,
        )

    for path in files:
        rows = load_rows(context, path, delimiter="\t", header=True)
        items = ((row.get("image_id") or f"line {n}", (path, row)) for n, row in rows)
        yield from context.build_each(items, build, file=path)
