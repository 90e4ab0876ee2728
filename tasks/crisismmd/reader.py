"""CrisisMMD v2.0: one TSV per event in ``annotations/``, images under ``data_image/``.

TSV columns: ``tweet_id, image_id, text_info, text_info_conf, image_info, image_info_conf,
text_human, text_human_conf, image_human, image_human_conf, image_damage, image_damage_conf,
tweet_text, image_url, image_path``. One reader serves every ``CrisisMMD+*`` task: ``labels``
names the annotation columns the task needs (humanitarian: ``text_human`` and ``image_human``;
informativeness: ``text_info`` and ``image_info``; damage severity: ``image_damage``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
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
    values: Mapping[str, Sequence[str]] | None = None,
    passed_over: Sequence[str] = (),
) -> Iterator[SourceRecord]:
    """One record per image row (a tweet with two images gives two records).

    Fields: ``tweet_text``, ``event`` and each column of ``labels`` with ``_`` read as spaces
    (``other relevant information``); the raw label is ``{column: value}`` as stored. Rows with an
    empty label column are reported and skipped, unless ``passed_over`` lists the empty string:
    a row whose label is one of ``passed_over`` (damage is not judged for every image, and
    ``dont_know_or_cant_judge`` is no severity) is out of the task and left out quietly. ``values``
    maps a label column to the values it may hold; any other value is reported. The record id is
    ``image_id`` (``<tweet_id>_<k>``), as released.
    """
    allowed = {column: set(known) for column, known in (values or {}).items()}
    folder = root / base
    files = sorted(folder.glob(pattern))
    if not files:
        context.problem(f"no annotation files match {pattern}", file=folder)
        return

    def build(_: object, item: tuple[Path, Any]) -> SourceRecord | None:
        path, row = item
        raw = {column: str(require(row, column)).strip() for column in labels}
        if any(value in passed_over for value in raw.values()):
            return None
        empty = [column for column, value in raw.items() if not value]
        if empty:
            raise SkipRecord(f"no {empty[0]} label", field=empty[0])
        for column, value in raw.items():
            if column in allowed and value not in allowed[column]:
                raise SkipRecord(f"unknown {column} label {value!r}", field=column)
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
