"""ImageNet-C: ``<corruption>/<severity>/<wnid>/ILSVRC2012_val_<n>.JPEG``; the label is the corruption.

``corruptions`` maps the corruption folders a task reads to their label (a display name, or the
corruption's group for the coarse task); other folders are left out. The options are ``options`` of
the task's labels (all of them, not only those present), the true one included, in an order seeded by
the record id. The severity and the ImageNet class are not used.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, pick_options, read_path_labels


def read_imagenet_c(
    context: ReadContext, root: Path, *, corruptions: Mapping[str, str], options: int
) -> Iterator[SourceRecord]:
    """One record per image, id ``<corruption>/<severity>/<wnid>/<stem>`` (the same validation
    image appears under every corruption and severity)."""
    labels = sorted(set(corruptions.values()))
    for record in read_path_labels(context, root, label_part=0, classes=sorted(corruptions),
                                   class_names=corruptions):
        try:
            offered, answer = pick_options(labels, record.label, options, seed=record.id)
        except SkipRecord as skip:
            context.problem(str(skip), file=root, record_id=record.id, field="label")
            continue
        yield replace(record, choices=offered, answer_index=answer)
