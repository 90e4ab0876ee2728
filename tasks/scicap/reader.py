"""SciCap: ``SciCap-Caption-All/<split>/<figure>.json`` over ``SciCap-No-Subfig-Img/<split>/<figure>.png``.

One JSON object per figure: ``contains-subfigure``, ``paper-ID``, ``figure-ID``, ``figure-type``,
``0-originally-extracted`` (the caption as extracted, ``Figure 2: ...``),
``1-lowercase-and-token-and-remove-figure-index`` (``{caption, sentence, token}``: lower case,
tokenised, figure number removed), ``2-normalized`` and ``Img-text`` (OCR words). Figures with
subfigures have their images in ``SciCap-Yes-Subfig-Img/`` instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, require

CAPTIONS = {
    "lowercase": "1-lowercase-and-token-and-remove-figure-index",
    "original": "0-originally-extracted",
}


def read_scicap(
    context: ReadContext,
    root: Path,
    *,
    captions: str = "SciCap-Caption-All",
    image_dir: str = "SciCap-No-Subfig-Img",
    splits: tuple[str, ...] | list[str] = ("train", "val", "test"),
    subfigures: bool = False,
    caption: Literal["lowercase", "original"] = "lowercase",
) -> Iterator[SourceRecord]:
    """One record per figure file, id = the image's file name (``<paper>-Figure<k>-<n>.png``).

    The label and ``caption`` field are the lower-cased, tokenised caption (``caption: lowercase``)
    or the caption as extracted (``original``); ``figure_type`` is the JSON's ``figure-type``.
    Figures marked ``contains-subfigure`` are left out unless ``subfigures`` (then ``image_dir``
    must be the Yes-Subfig folder).
    """
    def build(record_id: object, item: tuple[str, Path]) -> SourceRecord | None:
        split, path = item
        try:
            raw = as_object(json.loads(path.read_text(encoding="utf-8")))
        except ValueError as error:  # undecodable bytes or broken JSON
            raise SkipRecord(f"not a JSON figure file: {error}", field="json") from None
        if bool(raw.get("contains-subfigure")) != subfigures:
            return None
        text = _caption(raw, caption)
        name = f"{path.stem}.png"
        image = context.image(f"{image_dir}/{split}/{name}")
        return SourceRecord(id=name, images=(image,),
                            fields={"caption": text, "figure_type": str(raw.get("figure-type", ""))},
                            label=text)

    for split in splits:
        folder = root / captions / split
        if not folder.is_dir():
            context.problem("caption folder is missing", file=folder)
            continue
        files = sorted(folder.glob("*.json"))
        yield from context.build_each(((p.name, (split, p)) for p in files), build, file=folder)


def _caption(raw: dict[str, Any], kind: str) -> str:
    value = require(raw, CAPTIONS[kind])
    if kind == "lowercase":
        value = require(as_object(value), "caption")
    if not isinstance(value, str) or not value.strip():
        raise SkipRecord("caption is empty or not text", field=CAPTIONS[kind])
    return value.strip()
