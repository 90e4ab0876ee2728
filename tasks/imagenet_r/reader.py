"""ImageNet-R: ``imagenet-r/<wnid>/<rendition>_<n>.jpg``; the class from the folder, the rendition from
the file name.

``classes.tsv`` beside this file maps the 200 WordNet ids to names (``<wnid><TAB><name>``). With
``label="rendition"`` the label is the file-name prefix instead (one of the 15 renditions); a file
whose prefix is not one of them is reported and left out, as is a folder that is not one of the 200.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SourceRecord, load_rows, read_path_labels

CLASSES = Path(__file__).with_name("classes.tsv")
RENDITIONS = ("art", "cartoon", "deviantart", "embroidery", "graffiti", "graphic", "misc", "origami",
              "painting", "sculpture", "sketch", "sticker", "tattoo", "toy", "videogame")


def read_imagenet_r(
    context: ReadContext, root: Path, *, subdir: str = "imagenet-r", label: str = "class"
) -> Iterator[SourceRecord]:
    """One record per image, id ``<wnid>/<stem>`` (stems such as ``tattoo_9`` repeat across classes)."""
    names = {str(row[0]): str(row[1]) for _, row in load_rows(context, CLASSES, delimiter="\t", header=False)}
    base = root / subdir
    if base.is_dir():
        for folder in sorted(p for p in base.iterdir() if p.is_dir() and p.name not in names):
            context.problem("folder is not one of the 200 ImageNet-R WordNet ids; its images are left out",
                            file=folder, field="label")
    for record in read_path_labels(context, root, subdir=subdir, classes=sorted(names), class_names=names,
                                   id_parts=2):
        if label != "rendition":
            yield record
            continue
        rendition = record.id.rsplit("/", 1)[-1].rsplit("_", 1)[0]
        if rendition not in RENDITIONS:
            context.problem(f"file name does not start with one of the 15 renditions: {rendition!r}",
                            file=base, record_id=record.id, field="label")
            continue
        yield replace(record, label=rendition, fields={**record.fields, "class_name": rendition})
