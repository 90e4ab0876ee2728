"""GTSRB training set: ``Images/<class>/GT-<class>.csv`` (``;``-separated) beside the PPM images."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from visionflan_core.reader_kit import (
    ReadContext,
    SkipRecord,
    SourceRecord,
    load_rows,
    pick_options,
    require,
)


def read_gtsrb(
    context: ReadContext, root: Path, *, class_names: Mapping[str, str],
    image_dir: str = "GTSRB/Final_Training/Images", options: int = 10,
) -> Iterator[SourceRecord]:
    """One record per GT row; the label is ``class_names[ClassId]``, offered among ``options`` names.

    The record id is the file stem, prefixed by its class folder where the stem occurs in more than
    one folder (as every training stem does in the full data).
    """
    base = root / image_dir
    if not base.is_dir():
        context.problem("image folder is missing", file=base)
        return
    rows: list[tuple[str, Path, dict[str, Any]]] = []
    for class_dir in sorted(p for p in base.iterdir() if p.is_dir()):
        csv_path = class_dir / f"GT-{class_dir.name}.csv"
        rows.extend((class_dir.name, csv_path, row) for _, row in load_rows(context, csv_path, delimiter=";"))
    stems = Counter((folder, PurePosixPath(str(row.get("Filename"))).stem) for folder, _, row in rows)
    repeated = Counter(stem for _, stem in stems)
    labels = sorted(set(class_names.values()))

    def build(record_id: object, item: tuple[str, dict[str, Any]]) -> SourceRecord:
        folder, row = item
        name = str(require(row, "Filename"))
        class_id = str(require(row, "ClassId")).strip()
        if class_id not in class_names:
            raise SkipRecord(f"unknown ClassId {class_id!r}", field="ClassId")
        label = class_names[class_id]
        offered, answer = pick_options(labels, label, options, seed=record_id)
        return SourceRecord(
            id=str(record_id),
            images=(context.image(f"{image_dir}/{folder}/{name}"),),
            fields={"class_name": label},
            label=label,
            choices=offered,
            answer_index=answer,
        )

    grouped: dict[Path, list[tuple[str, tuple[str, dict[str, Any]]]]] = {}
    for folder, csv_path, row in rows:
        stem = PurePosixPath(str(row.get("Filename"))).stem
        record_id = f"{folder}/{stem}" if repeated[stem] > 1 else stem
        grouped.setdefault(csv_path, []).append((record_id, (folder, row)))
    for csv_path, items in grouped.items():
        yield from context.build_each(items, build, file=csv_path)
