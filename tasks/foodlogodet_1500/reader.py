"""FoodLogoDet-1500: ``ImageSets/Main/<split>.txt`` ids, ``Annotations/<id>.xml`` (VOC), ``JPEGImages/``."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator, Sequence
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows


def read_voc_logos(
    context: ReadContext, root: Path, *, splits: Sequence[str] = ("train", "val", "test"),
    joiner: str = " and ",
) -> Iterator[SourceRecord]:
    """One record per listed id; the label is the distinct ``<object><name>`` texts of its XML.

    The record id is the listed id (``009808``); an XML that is missing, malformed or names no
    object drops that id (reported).
    """

    def build(record_id: object, _: object) -> SourceRecord:
        xml_path = root / "Annotations" / f"{record_id}.xml"
        try:
            tree = ElementTree.parse(xml_path)
        except OSError as error:
            reason = error.strerror or error
            raise SkipRecord(f"annotation unreadable: {reason}", field="annotation") from None
        except ElementTree.ParseError as error:
            raise SkipRecord(f"annotation is not valid XML: {error}", field="annotation") from None
        names: list[str] = []
        for name in (" ".join((obj.findtext("name") or "").split()) for obj in tree.iter("object")):
            if name and name not in names:
                names.append(name)
        if not names:
            raise SkipRecord("annotation names no logo", field="name")
        label = joiner.join(names)
        return SourceRecord(
            id=str(record_id),
            images=(context.image(f"JPEGImages/{record_id}.jpg"),),
            fields={"class_name": label},
            label=label,
        )

    for split in splits:
        path = root / "ImageSets" / "Main" / f"{split}.txt"
        ids = [(row[0], None) for _, row in load_rows(context, path, delimiter=" ", header=False)]
        yield from context.build_each(ids, build, file=path)
