"""Road Anomaly: ``frame_list.json`` (image file names) and ``frames/<name>``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_shaped

_DIGITS = re.compile(r"\d")


def danger_name(stem: str) -> str:
    """The frame name before its first digit, ``_`` as spaces: ``lost_tires08`` -> ``lost tires``."""
    return " ".join(_DIGITS.split(stem, maxsplit=1)[0].replace("_", " ").split())


def read_road_anomaly(
    context: ReadContext, root: Path, *, frame_list: str = "frame_list.json", image_dir: str = "frames",
) -> Iterator[SourceRecord]:
    """One record per listed frame; the label is :func:`danger_name` of its stem, the id the stem."""
    path = root / frame_list
    names = load_shaped(context, path, list)
    if names is None:
        return

    def build(record_id: object, name: object) -> SourceRecord:
        if not isinstance(name, str) or not name:
            raise SkipRecord(f"frame name {name!r} is not a file name", field="image")
        stem = PurePosixPath(name).stem
        label = danger_name(stem)
        if not label:
            raise SkipRecord(f"frame name {name!r} has no words before its number", field="label")
        return SourceRecord(
            id=stem,
            images=(context.image(f"{image_dir}/{name}"),),
            fields={"class_name": label},
            label=label,
        )

    yield from context.build_each(enumerate(names), build, file=path)
