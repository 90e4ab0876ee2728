"""nocaps validation: ``nocaps_val_4500_captions.json`` (COCO caption JSON) and ``val/<file_name>``.

The generic COCO reader does the reading (one record per image, its ten captions in file order);
this wrapper only renames each record after its image file, the shape of the released ids.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Iterator
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SourceRecord
from visionflan_core.readers.coco import read_coco


def read_nocaps(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "nocaps_val_4500_captions.json",
    image_dir: str = "val",
) -> Iterator[SourceRecord]:
    """Records of :func:`read_coco` with ``caption=True``, ids ``<file_name>`` (``0013ea2087020901.jpg``).

    Field ``captions`` (also the label): the image's captions in annotation order, stripped.
    """
    for record in read_coco(context, root, annotations=annotations, image_dir=image_dir, caption=True):
        yield dataclasses.replace(record, id=posixpath.basename(record.images[0]))
