"""Class-named image folders: ``<root>/<subdir>/<class name>/<image>``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from ..records import ReadContext, SourceRecord

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".ppm")


def read_image_folder(
    context: ReadContext,
    root: Path,
    *,
    subdir: str = "",
    class_names: Mapping[str, str] | None = None,
    choices: str | list[str] | None = None,
) -> Iterator[SourceRecord]:
    """One record per image; the label is the folder name (mapped through ``class_names``).

    ``choices="classes"`` offers every class found as the options; a list offers exactly those.
    The record id is the image path below ``subdir`` without its suffix.
    """
    base = root / subdir
    if not base.is_dir():
        context.problem("class folder root is missing", file=base)
        return
    classes = sorted(p.name for p in base.iterdir() if p.is_dir())
    names = {c: (class_names or {}).get(c, c) for c in classes}
    options = list(names.values()) if choices == "classes" else choices
    for class_dir in classes:
        label = names[class_dir]
        for path in sorted((base / class_dir).iterdir()):
            if path.suffix.lower() not in IMAGE_SUFFIXES:
                continue
            record_id = path.relative_to(base).with_suffix("").as_posix()
            answer = None
            if options is not None:
                if label not in options:
                    context.problem(f"class {label!r} is not among the choices", file=path,
                                    record_id=record_id, field="label")
                    continue
                answer = options.index(label)
            yield SourceRecord(
                id=record_id,
                images=(path.relative_to(root).as_posix(),),
                fields={"class_name": label},
                label=label,
                choices=tuple(options) if options is not None else None,
                answer_index=answer,
            )
