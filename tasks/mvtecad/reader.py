"""MVTec AD: ``<category>/{train,test}/<defect>/<NNN>.png`` through the kit's path-label reader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SourceRecord, read_path_labels


def read_mvtec_defects(
    context: ReadContext, root: Path, *, good: str = "good", **options: Any,
) -> Iterator[SourceRecord]:
    """Test images with a defect: the path-label reader over ``test/``, defect-free ones left out.

    ``options`` go to :func:`read_path_labels` (the label part, humanising, id rule); ``keep`` is
    replaced by ``test/`` alone (train/ holds only defect-free images).
    """
    options["keep"] = {1: ["test"]}
    for record in read_path_labels(context, root, **options):
        if record.fields["class_name"] != good:
            yield record
