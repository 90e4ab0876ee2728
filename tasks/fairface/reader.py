"""FairFace: ``fairface_label_<split>.csv`` (``file,age,gender,race,service_test``), ``<split>/<n>.jpg``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SourceRecord
from visionflan_core.readers.label_list import read_label_list

# The published label sets (HuggingFaceM4/FairFace ClassLabel names, the authors' CSV values).
VALUES = {
    "age": ("0-2", "3-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "more than 70"),
    "gender": ("Male", "Female"),
    "race": ("East Asian", "Indian", "Black", "White", "Middle Eastern", "Latino_Hispanic",
             "Southeast Asian"),
}


def read_fairface(
    context: ReadContext, root: Path, *, label: str, file: str = "fairface_label_train.csv",
) -> Iterator[SourceRecord]:
    """One record per CSV row; the label is the ``label`` column (age, gender or race), unchanged.

    The record id is the image's number (``train/38354.jpg`` -> ``38354``), as in the released ids;
    one split file is read at a time, so numbers are unique. A value outside the published label set
    is reported and the row left out.
    """
    known = VALUES[label]
    for record in read_label_list(context, root, file=file, image="file", label=label):
        number = PurePosixPath(record.id).name
        if record.label not in known:
            context.problem(f"unknown {label} {record.label!r}", file=root / file, record_id=number,
                            field=label)
            continue
        yield replace(record, id=number)
