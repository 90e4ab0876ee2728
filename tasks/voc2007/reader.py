"""PASCAL VOC2007: ``VOCdevkit/VOC2007/Annotations/<id>.xml`` beside ``JPEGImages/<id>.jpg``."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord


def read_voc2007(
    context: ReadContext, root: Path, *, devkit: str = "VOCdevkit/VOC2007"
) -> Iterator[SourceRecord]:
    """One record per annotation file: the label is the sorted list of distinct object names.

    The record id is the annotation's ``<filename>`` (``009388.jpg``). An XML file that does not
    parse, lacks ``<filename>`` or an object's ``<name>``, or whose image is missing is reported.
    """
    folder = root / devkit / "Annotations"
    if not folder.is_dir():
        context.problem("annotation folder is missing", file=folder)
        return

    def build(record_id: object, path: Path) -> SourceRecord:
        try:
            annotation = ElementTree.parse(path).getroot()
        except (ElementTree.ParseError, OSError) as error:
            raise SkipRecord(f"annotation does not parse: {error}", field="xml") from error
        filename = (annotation.findtext("filename") or "").strip()
        if not filename:
            raise SkipRecord("no <filename>", field="filename")
        names = [(obj.findtext("name") or "").strip() for obj in annotation.iter("object")]
        if "" in names:
            raise SkipRecord("an <object> has no <name>", field="name")
        if not names:
            raise SkipRecord("no <object>", field="object")
        objects = sorted(set(names))
        return SourceRecord(
            id=filename,
            images=(context.image(f"{devkit}/JPEGImages/{filename}"),),
            fields={"objects": objects},
            label=objects,
        )

    for path in sorted(folder.glob("*.xml")):
        yield from context.build_each([(path.stem, path)], build, file=path)
