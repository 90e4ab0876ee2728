"""ImageNet-A: ``imagenet-a/<wnid>/<file>.jpg``, eight of the 200 class names offered per image.

``classes.tsv`` beside this file maps the 200 WordNet ids to names (``<wnid><TAB><name>``). The
options are the true class plus distractors drawn from all 200 (not only the folders present), in an
order seeded by the record id; each option is the name with its article (``a lorikeet``,
``an armadillo``). Folders that are not one of the 200 are reported once each and left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from visionflan_core.reader_kit import (
    ReadContext,
    SkipRecord,
    SourceRecord,
    load_rows,
    pick_options,
    read_path_labels,
)

CLASSES = Path(__file__).with_name("classes.tsv")


def with_article(name: str) -> str:
    """``a``/``an`` by the first letter (``a unicycle``: a "yoo" sound before ``uni``)."""
    vowel = name[:1].lower() in "aeiou" and not name.lower().startswith("uni")
    return f"{'an' if vowel else 'a'} {name}"


def read_imagenet_a(
    context: ReadContext, root: Path, *, subdir: str = "imagenet-a", options: int = 8
) -> Iterator[SourceRecord]:
    """One record per image, id ``<wnid>/<stem>``; ``choices`` are ``options`` names with articles."""
    names = {str(row[0]): str(row[1]) for _, row in load_rows(context, CLASSES, delimiter="\t", header=False)}
    base = root / subdir
    if base.is_dir():
        for folder in sorted(p for p in base.iterdir() if p.is_dir() and p.name not in names):
            context.problem("folder is not one of the 200 ImageNet-A WordNet ids; its images are left out",
                            file=folder, field="label")
    labels = sorted(set(names.values()))
    for record in read_path_labels(context, root, subdir=subdir, classes=sorted(names), class_names=names,
                                   id_parts=2):
        try:
            offered, answer = pick_options(labels, record.label, options, seed=record.id)
        except SkipRecord as skip:
            context.problem(str(skip), file=base, record_id=record.id, field="label")
            continue
        yield replace(record, choices=tuple(with_article(name) for name in offered), answer_index=answer)
