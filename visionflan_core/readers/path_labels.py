"""Images labelled by a component of their path, at any depth: ``<domain>/<class>/<image>`` and kin.

PACS and DomainNet name the class in the parent folder and the domain above it; ImageNet-C names the
corruption, the severity and the WordNet id in three folders; Office-31 the domain, then ``images``,
then the class. One reader serves them all: ``label_part`` picks the component that is the label,
``fields_from`` exposes others as template fields, ``classes`` filters, ``class_names`` maps folder
names (WordNet ids) to names, and the options are every class, a fixed list, or ``options`` of them
(the true label plus seeded distractors, as the release shows 8 of ImageNet-A's 200).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path, PurePosixPath

from ..records import ReadContext, SkipRecord, SourceRecord
from .image_folder import IMAGE_SUFFIXES


def read_path_labels(
    context: ReadContext,
    root: Path,
    *,
    subdir: str = "",
    label_part: int = -2,
    fields_from: Mapping[str, int] | None = None,
    classes: Sequence[str] | None = None,
    class_names: Mapping[str, str] | None = None,
    humanise: bool = False,
    choices: str | list[str] | None = None,
    options: int | None = None,
    id_parts: int | None = None,
    keep: Mapping[int, Sequence[str]] | None = None,
    id_from: Sequence[int] | None = None,
    id_separator: str = "/",
    id_suffix: bool = False,
    unique_ids: bool = False,
    names_required: bool = False,
) -> Iterator[SourceRecord]:
    """One record per image below ``root/subdir`` (every depth, sorted); the label is a path part.

    ``label_part`` and the values of ``fields_from`` index the image's path parts below ``subdir``
    (the file name is ``-1``). ``classes`` keeps only images whose raw label part is listed (a
    selection, not an error). The label is ``class_names[part]`` if given, else the part itself,
    with ``_`` as spaces when ``humanise``. ``choices="classes"`` offers every label found; a list
    offers exactly those; ``options=k`` offers ``k`` of every label found, the true one included,
    in an order seeded by the record id. The record id is the path without its suffix, or its last
    ``id_parts`` parts. Fields: ``class_name`` (the label) plus each name of ``fields_from``.

    ``keep`` ({part index: values}) keeps only images whose part is listed, like ``classes`` for
    parts other than the label. ``id_from`` builds the id from these parts instead, in this order;
    parts are joined with ``id_separator`` and the file part keeps its suffix if ``id_suffix``.
    With ``unique_ids``, an id that more than one image of the task would get is widened, for those
    images only, to the fewest trailing path parts that tell them apart (``pic_243`` twice in one
    domain becomes ``dog/pic_243`` and ``horse/pic_243``; a unique ``pic_024`` stays as it is); the
    widened ids depend only on which images the task reads, so they are stable for a given copy of
    the data. ``names_required`` reports a label part missing from ``class_names`` as an unknown
    label instead of using the part itself.
    """
    base = root / subdir
    if not base.is_dir():
        context.problem("image folder is missing", file=base)
        return
    allowed = set(classes) if classes is not None else None
    kept = {int(index): set(values) for index, values in (keep or {}).items()}
    found: list[tuple[PurePosixPath, str]] = []
    for relative in _images(base):
        try:
            raw = relative.parts[label_part]
        except IndexError:
            context.problem(f"path has no part {label_part} to take the label from", file=base / relative,
                            record_id=relative.as_posix(), field="label")
            continue
        if not ((allowed is None or raw in allowed) and _kept(relative, kept)):
            continue
        short = [index for index in id_from or () if not -len(relative.parts) <= index < len(relative.parts)]
        if short:
            context.problem(f"path has no part {short[0]} to take the id from", file=base / relative,
                            record_id=relative.as_posix(), field="id")
            continue
        found.append((relative, raw))
    named = [raw for _, raw in found if not names_required or raw in (class_names or {})]
    labels = sorted({_name(raw, class_names, humanise) for raw in named})
    fixed = labels if choices == "classes" else choices

    def build(record_id: object, item: tuple[PurePosixPath, str]) -> SourceRecord:
        relative, raw = item
        if names_required and raw not in (class_names or {}):
            raise SkipRecord(f"unknown label {raw!r}: not in class_names", field="label")
        label = _name(raw, class_names, humanise)
        fields = {"class_name": label}
        for name, index in (fields_from or {}).items():
            try:
                fields[name] = relative.parts[index]
            except IndexError:
                raise SkipRecord(f"path has no part {index} for field {name!r}", field=name) from None
        offered: tuple[str, ...] | None = None
        answer: int | None = None
        if options is not None:
            from ..reader_kit import pick_options

            offered, answer = pick_options(labels, label, options, seed=record_id)
        elif fixed is not None:
            if label not in fixed:
                raise SkipRecord(f"class {label!r} is not among the choices", field="label")
            offered, answer = tuple(fixed), list(fixed).index(label)
        return SourceRecord(
            id=str(record_id),
            images=(context.image((PurePosixPath(subdir) / relative).as_posix() if subdir
                                  else relative.as_posix()),),
            fields=fields,
            label=label,
            choices=offered,
            answer_index=answer,
        )

    ids = _record_ids([relative for relative, _ in found], id_parts=id_parts, id_from=id_from,
                      separator=id_separator, suffix=id_suffix, unique=unique_ids)
    yield from context.build_each(zip(ids, found, strict=True), build, file=base)


def _images(base: Path) -> Iterator[PurePosixPath]:
    """Image paths below ``base``, relative and sorted, walked in a stable order."""
    seen: set[str] = set()
    for folder, dirs, files in os.walk(base, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a link loop: walk each real folder once
            dirs.clear()
            continue
        seen.add(real)
        dirs.sort()
        here = PurePosixPath(Path(folder).relative_to(base).as_posix())
        for name in sorted(files):
            if os.path.splitext(name)[1].lower() in IMAGE_SUFFIXES:
                yield here / name if str(here) != "." else PurePosixPath(name)


def _name(raw: str, class_names: Mapping[str, str] | None, humanise: bool) -> str:
    if class_names is not None and raw in class_names:
        return class_names[raw]
    return " ".join(raw.replace("_", " ").split()) if humanise else raw


def _kept(relative: PurePosixPath, kept: Mapping[int, set[str]]) -> bool:
    """Whether every part named in ``kept`` exists and is one of its values."""
    for index, values in kept.items():
        try:
            if relative.parts[index] not in values:
                return False
        except IndexError:
            return False
    return True


def _record_ids(
    paths: Sequence[PurePosixPath], *, id_parts: int | None, id_from: Sequence[int] | None,
    separator: str, suffix: bool, unique: bool,
) -> list[str]:
    """Each path's record id; with ``unique``, ids that repeat widened to more trailing parts."""
    split = [(*p.parts[:-1], p.name if suffix else p.stem) for p in paths]

    def trailing(parts: tuple[str, ...], width: int) -> str:
        return separator.join(parts[-width:])

    if id_from is not None:
        ids = [separator.join(parts[i] for i in id_from) for parts in split]
    else:
        ids = [trailing(parts, id_parts) if id_parts else separator.join(parts) for parts in split]
    if not unique:
        return ids
    # an id_from id that repeats becomes the whole path; a trailing one gains one part at a time
    width = [len(parts) - 1 if id_from is not None else id_parts or len(parts) for parts in split]
    while True:
        counts: dict[str, int] = {}
        for record_id in ids:
            counts[record_id] = counts.get(record_id, 0) + 1
        widened = False
        for n, parts in enumerate(split):
            if counts[ids[n]] > 1 and width[n] < len(parts):
                width[n] += 1
                ids[n] = trailing(parts, width[n])
                widened = True
        if not widened:
            return ids
