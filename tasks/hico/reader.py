"""HICO: ``anno.mat`` (600 HOI classes x images label matrices) and ``images/{train2015,test2015}/``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord

INSTALL_HINT = "the HICO reader needs scipy to read anno.mat: pip install 'visionflan[mat]'"
NO_INTERACTION = "no_interaction"


def read_hico(
    context: ReadContext,
    root: Path,
    *,
    base: str = "hico_20150920",
    splits: Sequence[str] = ("train2015", "test2015"),
    label: str = "object",
) -> Iterator[SourceRecord]:
    """One record per image with a positive HOI; the id is the image file name.

    ``label="object"``: the object of the first positive HOI. ``label="action"``: the first positive
    HOI with a real verb (images with only ``no_interaction`` are left out). Fields ``action`` (the
    verb's -ing form) and ``object`` use spaces for underscores.
    """
    try:
        from scipy.io import loadmat
    except ImportError as error:
        raise ImportError(INSTALL_HINT) from error
    if label not in ("object", "action"):
        raise ValueError(f"label must be 'object' or 'action', not {label!r}")
    path = root / base / "anno.mat"
    try:
        anno = loadmat(path)
    except (OSError, ValueError, TypeError) as error:
        context.problem(f"cannot read the MAT-file: {error}", file=path)
        return
    if "list_action" not in anno:
        context.problem("the MAT-file has no variable 'list_action'", file=path, field="list_action")
        return
    actions = [(_text(a["vname_ing"]), _text(a["nname"]), _text(a["vname"]))
               for a in anno["list_action"].ravel()]

    def build(name: object, raw: Any) -> SourceRecord | None:
        split, column = raw
        positives = [k for k, value in enumerate(column) if value == 1]
        if len(column) != len(actions):
            raise SkipRecord(f"{len(column)} HOI labels for {len(actions)} actions", field="anno")
        if label == "action":
            positives = [k for k in positives if actions[k][2] != NO_INTERACTION]
        if not positives:
            return None
        action, obj = (part.replace("_", " ") for part in actions[positives[0]][:2])
        image = context.image(f"{base}/images/{split}/{name}")
        return SourceRecord(id=str(name), images=(image,), fields={"action": action, "object": obj},
                            label=obj if label == "object" else f"{action} {obj}")

    for split in splits:
        short = split.removesuffix("2015")
        names_key, anno_key = f"list_{short}", f"anno_{short}"
        if names_key not in anno or anno_key not in anno:
            context.problem(f"the MAT-file has no {names_key} or {anno_key}", file=path, field=names_key)
            continue
        names = [_text(n) for n in anno[names_key].ravel()]
        matrix = anno[anno_key]
        if matrix.ndim != 2 or matrix.shape[1] != len(names):
            context.problem(f"{anno_key} has shape {matrix.shape}, not (actions, {len(names)})", file=path,
                            field=anno_key)
            continue
        items = ((name, (split, column)) for name, column in zip(names, matrix.T.tolist(), strict=True))
        yield from context.build_each(items, build, file=path)


def _text(value: Any) -> str:
    """The string inside MATLAB's nested 1x1 cell and char arrays."""
    while hasattr(value, "item") and not isinstance(value, str):
        if getattr(value, "size", 1) != 1:
            raise SkipRecord(f"expected one string, found {getattr(value, 'size', '?')} values", field="anno")
        value = value.item()
    return str(value)
