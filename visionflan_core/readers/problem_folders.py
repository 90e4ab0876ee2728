"""Datasets stored as one folder per problem (``<pid>/data.json`` beside its image).

Geometry3K and IconQA both ship this way and name every image alike (``img_diagram.png``,
``image.png``), so the folder name is the only id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..records import ReadContext, SourceRecord
from ._io import load_json

Build = Callable[[object, Any], SourceRecord | None]


def each_problem(
    context: ReadContext, root: Path, folder: str, image_name: str, build: Build
) -> Iterator[SourceRecord]:
    """``build(pid, (data, image path))`` for every ``<folder>/<pid>/`` in numeric order."""
    base = root / folder
    if not base.is_dir():
        context.problem("problem folder is missing", file=base)
        return
    problems = sorted((p for p in base.iterdir() if p.is_dir()), key=_natural)
    for problem in problems:
        data_file = problem / "data.json"
        data = load_json(context, data_file)
        if data is None:
            continue
        image = f"{folder}/{problem.name}/{image_name}"
        yield from context.build_each([(problem.name, (data, image))], build, file=data_file)


def _natural(path: Path) -> tuple[int, str]:
    return (int(path.name), "") if path.name.isdigit() else (-1, path.name)
