"""SentiCap: ``data/senticap_dataset.json`` over COCO val2014 images.

``{"images": [{"filename", "imgid", "split", "sentences": [{"tokens", "word_sentiment",
"sentiment", "raw"}]}]}``; ``sentiment`` is 1 for positive and 0 for negative; ``tokens`` are lower
case without punctuation, ``raw`` is the worker's text as typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_shaped, require

SENTIMENTS = {0: "negative", 1: "positive"}


def read_senticap(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "data/senticap_dataset.json",
    image_dir: str = "val2014",
    text: Literal["tokens", "raw"] = "tokens",
    splits: list[str] | None = None,
) -> Iterator[SourceRecord]:
    """One record per sentence, id ``<filename>_<sentence index>`` (the released id shape).

    Fields: ``sentiment`` (``positive``/``negative``) and ``caption`` (the label): the tokens joined
    by spaces (the released targets are lower case without punctuation) or ``raw``. ``splits``
    keeps only images of those splits (default: all).
    """
    path = root / annotations
    images = load_shaped(context, path, list, "images")
    if images is None:
        return

    def build(record_id: object, item: tuple[Any, Any]) -> SourceRecord:
        image_raw, sentence = item
        if not isinstance(sentence, dict):
            raise SkipRecord("sentence is not a JSON object", field="sentences")
        polarity = require(sentence, "sentiment")
        if polarity not in SENTIMENTS:
            raise SkipRecord(f"sentiment {polarity!r} is not 0 or 1", field="sentiment")
        caption = _text(sentence, text)
        image = context.image(f"{image_dir}/{require(image_raw, 'filename')}")
        return SourceRecord(id=str(record_id), images=(image,),
                            fields={"sentiment": SENTIMENTS[polarity], "caption": caption},
                            label=caption)

    yield from context.build_each(_sentences(context, path, images, splits), build, file=path)


def _sentences(
    context: ReadContext, path: Path, images: list[Any], splits: list[str] | None
) -> Iterator[tuple[str, tuple[Any, Any]]]:
    """``(<filename>_<k>, (image, sentence))`` pairs; images without sentences are reported."""
    for number, image in enumerate(images):
        name = image.get("filename") if isinstance(image, dict) else None
        sentences = image.get("sentences") if isinstance(image, dict) else None
        if not isinstance(name, str) or not isinstance(sentences, list):
            context.problem("image needs a 'filename' and a 'sentences' list", file=path,
                            record_id=name or f"#{number}", field="sentences")
            continue
        if splits is None or image.get("split") in splits:
            yield from ((f"{name}_{k}", (image, s)) for k, s in enumerate(sentences))


def _text(sentence: dict[str, Any], text: str) -> str:
    if text == "raw":
        value = str(require(sentence, "raw")).strip()
    else:
        value = " ".join(str(t) for t in require(sentence, "tokens")).strip()
    if not value:
        raise SkipRecord(f"sentence has no {text}", field=text)
    return value
