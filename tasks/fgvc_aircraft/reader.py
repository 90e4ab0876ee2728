"""FGVC-Aircraft 2013b: ``data/images_<level>_<split>.txt`` label lists beside ``data/images/``.

One reader serves the four ``FGVC_Aircraft+*`` tasks: ``levels`` picks manufacturer, family and/or
variant. Images are used as distributed, copyright banner included (the released images keep it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord

LEVELS = ("manufacturer", "family", "variant")


def read_fgvc_aircraft(
    context: ReadContext,
    root: Path,
    *,
    levels: Sequence[str] = ("variant",),
    split: str = "trainval",
    data_dir: str = "fgvc-aircraft-2013b/data",
) -> Iterator[SourceRecord]:
    """One record per image id of the first level's list, labelled at every level asked for.

    A single level gives a string label; several give a list in ``levels`` order (the combined
    task joins it with ``; ``). Fields: one per level. The record id is the 7-digit image id.
    """
    unknown = [level for level in levels if level not in LEVELS]
    if unknown or not levels:
        context.problem(f"levels must be some of {LEVELS}, got {list(levels)}", field="levels")
        return
    base = root / data_dir
    tables = {level: _labels(context, base / f"images_{level}_{split}.txt", level)
              for level in levels}

    def build(image_id: object, _: object) -> SourceRecord:
        fields = {}
        for level in levels:
            if image_id not in tables[level]:
                raise SkipRecord(f"no {level} label in images_{level}_{split}.txt", field=level)
            fields[level] = tables[level][str(image_id)]
        image = context.image(f"{data_dir}/images/{image_id}.jpg")
        label: str | list[str] = fields[levels[0]] if len(levels) == 1 else list(fields.values())
        return SourceRecord(id=str(image_id), images=(image,), fields=fields, label=label)

    first = base / f"images_{levels[0]}_{split}.txt"
    yield from context.build_each(((i, None) for i in tables[levels[0]]), build, file=first)


def _labels(context: ReadContext, path: Path, level: str) -> dict[str, str]:
    """``{image id: label}``; each line splits on its first space (labels contain spaces)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        context.problem(f"cannot read: {error.strerror or error}", file=path)
        return {}
    table: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        image_id, _, label = line.strip().partition(" ")
        if not image_id:
            continue
        if not label.strip():
            context.problem(f"line {number} has no {level} label", file=path,
                            record_id=image_id, field=level)
            continue
        table[image_id] = label.strip()
    return table
