"""COCO readers: supercategory classification (COCO 2017 instances) and the COCO 2014 caption tasks.

Vision-Flan's ``coco+image_classification_<supercategory>`` tasks ask which of a supercategory's
COCO categories an image contains, with options worded ``This image contains a bottle``. The generic
:func:`visionflan_core.readers.coco.read_coco` already gives each image's category names; this
module only narrows them to one supercategory and words the options.

MultiInstruct's ``image_caption``, ``ITM`` and ``image_text_selection`` read COCO 2014's
``captions_train2014.json`` one caption annotation at a time; the last two show a caption drawn from
another image, through the reader kit's seeded :class:`OtherRecords`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import (
    OtherRecords,
    ReadContext,
    SkipRecord,
    SourceRecord,
    as_object,
    load_shaped,
    require,
)
from visionflan_core.readers.coco import read_coco

VOWELS = "aeiou"


def read_coco_supercategory(
    context: ReadContext,
    root: Path,
    *,
    annotations: str,
    image_dir: str,
    classes: list[str],
    names: Mapping[str, str] | None = None,
    option: str = "This image contains {article} {name}",
) -> Iterator[SourceRecord]:
    """One record per image holding exactly one of ``classes`` (COCO category names).

    Images with none of them belong to another task; images with two or more are left out because
    several options would be right (how the release treated them is not known). ``names`` maps a
    COCO name to the word the options use (``skis`` -> ``ski``); the article follows the word.
    Choices are every class in ``classes`` order; the field ``category`` is the displayed name.
    """
    shown = {c: (names or {}).get(c, c) for c in classes}
    options = tuple(option.format(article=_article(shown[c]), name=shown[c]) for c in classes)
    for record in read_coco(context, root, annotations=annotations, image_dir=image_dir):
        present = [c for c in classes if c in record.fields["categories"]]
        if len(present) != 1:
            continue
        index = classes.index(present[0])
        yield dataclasses.replace(
            record,
            fields={"category": shown[present[0]]},
            label=options[index],
            choices=options,
            answer_index=index,
        )


def _article(word: str) -> str:
    """``an`` before a vowel (``an oven``, ``an airplane``), else ``a``."""
    return "an" if word[:1].lower() in VOWELS else "a"


# --- COCO 2014 captions, as MultiInstruct used them (image_caption, ITM, image_text_selection) ---


def read_coco_captions(
    context: ReadContext,
    root: Path,
    *,
    annotations: str,
    image_dir: str,
    image_pattern: str = "COCO_{image_dir}_{image_id:012d}.jpg",
) -> Iterator[SourceRecord]:
    """One record per caption annotation (MultiInstruct's ``mscoco_caption2014_<annotation id>``).

    Field ``caption``; the label is the caption as stored (MultiInstruct kept the raw text, trailing
    space included). The image path is built from ``image_id`` as MultiInstruct does.
    """
    path = root / annotations
    rows = load_shaped(context, path, list, "annotations")
    if rows is None:
        return

    def build(record_id: object, raw: Any) -> SourceRecord:
        row = as_object(raw)
        text = require(row, "caption")
        if not isinstance(text, str) or not text.strip():
            raise SkipRecord("caption is not a non-empty string", field="caption")
        image_id = require(row, "image_id")
        if not isinstance(image_id, int) or isinstance(image_id, bool):
            raise SkipRecord(f"image_id {image_id!r} is not an integer", field="image_id")
        image = context.image(f"{image_dir}/{image_pattern.format(image_dir=image_dir, image_id=image_id)}")
        return SourceRecord(id=str(require(row, "id")), images=(image,), fields={"caption": text},
                            label=text)

    items = ((row.get("id", f"#{n}") if isinstance(row, dict) else f"#{n}", row)
             for n, row in enumerate(rows))
    yield from context.build_each(items, build, file=path)


def read_coco_caption_match(
    context: ReadContext,
    root: Path,
    *,
    annotations: str,
    image_dir: str,
    vocabularies: list[list[str]],
    image_pattern: str = "COCO_{image_dir}_{image_id:012d}.jpg",
) -> Iterator[SourceRecord]:
    """Image-text matching (MultiInstruct ``ITM``): the own caption or another image's, p = 0.5.

    Per record, seeded by (task, record id): a ``[match, no match]`` pair from ``vocabularies``, then
    a coin; on tails the text is a caption of another image (never one equal to the own caption).
    Field ``text``; choices are the pair in its order, the answer its first or second entry.
    """
    pairs = [tuple(str(v) for v in pair) for pair in vocabularies]
    captions = list(read_coco_captions(context, root, annotations=annotations, image_dir=image_dir,
                                       image_pattern=image_pattern))
    pool = OtherRecords(captions, group=lambda c: c.images, task_id=context.task_id)

    def build(record_id: object, caption: SourceRecord) -> SourceRecord:
        rng = pool.rng(caption.id)
        pair = rng.choice(pairs)
        if rng.random() > 0.5:
            text, index = _text(caption), 0
        else:
            [other] = pool.draw(caption.id, caption.images, rng=rng, distinct=_same,
                                avoid={_same(caption)}, field="caption")
            text, index = other.label, 1
        return SourceRecord(id=caption.id, images=caption.images, fields={"text": text},
                            label=pair[index], choices=pair, answer_index=index)

    yield from context.build_each(((c.id, c) for c in captions), build, file=root / annotations)


def read_coco_caption_selection(
    context: ReadContext,
    root: Path,
    *,
    annotations: str,
    image_dir: str,
    options: int = 5,
    image_pattern: str = "COCO_{image_dir}_{image_id:012d}.jpg",
) -> Iterator[SourceRecord]:
    """Image-text selection (MultiInstruct): the own caption among ``options - 1`` of other images.

    The others are drawn per record, seeded by (task, record id), from captions of other images, all
    different texts and none equal to the own caption. Choices: the others in draw order, then the
    own caption (the task shuffles them per example, as MultiInstruct did).
    """
    captions = list(read_coco_captions(context, root, annotations=annotations, image_dir=image_dir,
                                       image_pattern=image_pattern))
    pool = OtherRecords(captions, group=lambda c: c.images, task_id=context.task_id)

    def build(record_id: object, caption: SourceRecord) -> SourceRecord:
        others = pool.draw(caption.id, caption.images, options - 1, distinct=_same,
                           avoid={_same(caption)}, field="caption")
        choices = (*(o.label for o in others), _text(caption))
        return SourceRecord(id=caption.id, images=caption.images, fields={}, label=_text(caption),
                            choices=choices, answer_index=len(choices) - 1)

    yield from context.build_each(((c.id, c) for c in captions), build, file=root / annotations)


def _text(caption: SourceRecord) -> str:
    """A caption record's raw text (its label)."""
    return str(caption.label)


def _same(caption: SourceRecord) -> str:
    """Two captions are the same option when their texts are equal up to surrounding space."""
    return _text(caption).strip()
