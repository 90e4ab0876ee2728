"""Stanford Cars: MATLAB devkit files (``cars_meta.mat``, ``cars_*_annos*.mat``) and two image folders."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord

INSTALL_HINT = "the Cars reader needs scipy to read .mat files: pip install 'visionflan[mat]'"
SPLITS = {"train": ("cars_train", "devkit/cars_train_annos.mat"),
          "test": ("cars_test", "devkit/cars_test_annos_withlabels.mat")}
MULTI_WORD_MAKES = ("AM General", "Aston Martin", "Land Rover")


def read_cars(
    context: ReadContext,
    root: Path,
    *,
    split: str = "train",
    label: str = "model",
    multi_word_makes: Sequence[str] = MULTI_WORD_MAKES,
) -> Iterator[SourceRecord]:
    """One record per annotation of ``split``; the label is the class name (``model``) or its make.

    The record id is the image file stem (``08025``). A bad class index, a missing file name or a
    missing image is reported for that annotation.
    """
    try:
        from scipy.io import loadmat
    except ImportError as error:
        raise ImportError(INSTALL_HINT) from error
    if split not in SPLITS or label not in ("model", "brand"):
        raise ValueError(f"split must be one of {sorted(SPLITS)} and label 'model' or 'brand'")
    image_dir, annos = SPLITS[split]
    meta = _load(context, loadmat, root / "devkit" / "cars_meta.mat", "class_names")
    annotations = _load(context, loadmat, root / annos, "annotations")
    if meta is None or annotations is None:
        return
    names = [str(_scalar(name)) for name in meta.ravel()]

    def build(index: object, annotation: Any) -> SourceRecord:
        fields = annotation.dtype.names or ()
        if "fname" not in fields or "class" not in fields:
            raise SkipRecord("annotation lacks fname or class", field="annotations")
        number = int(_scalar(annotation["class"]))
        if not 1 <= number <= len(names):
            raise SkipRecord(f"class {number} is not in 1..{len(names)}", field="class")
        fname = str(_scalar(annotation["fname"]))
        model = names[number - 1]
        brand = next((make for make in multi_word_makes if model.startswith(make + " ")), model.split(" ")[0])
        image = context.image(f"{image_dir}/{fname}")
        chosen = model if label == "model" else brand
        return SourceRecord(id=PurePosixPath(fname).stem, images=(image,),
                            fields={"model": model, "brand": brand}, label=chosen)

    yield from context.build_each(enumerate(annotations.ravel()), build, file=root / annos)


def _load(context: ReadContext, loadmat: Any, path: Path, key: str) -> Any:
    """``key`` of the MAT-file at ``path``, or ``None`` after reporting why it cannot be had."""
    try:
        content = loadmat(path)
    except (OSError, ValueError, TypeError) as error:
        context.problem(f"cannot read the MAT-file: {error}", file=path)
        return None
    if key not in content:
        context.problem(f"the MAT-file has no variable {key!r}", file=path, field=key)
        return None
    return content[key]


def _scalar(value: Any) -> Any:
    """The one value inside MATLAB's nested 1x1 arrays (``[['x']]`` -> ``'x'``)."""
    while hasattr(value, "item") and not isinstance(value, (str, bytes, int, float)):
        if getattr(value, "size", 1) != 1:
            raise SkipRecord(f"expected one value, found {getattr(value, 'size', '?')}", field="value")
        value = value.item()
    return value
