"""COCO supercategory classification on top of the generic COCO reader.

Vision-Flan's ``coco+image_classification_<supercategory>`` tasks ask which of a supercategory's
COCO categories an image contains, with options worded ``This image contains a bottle``. The generic
:func:`visionflan_core.readers.coco.read_coco` already gives each image's category names; this
module only narrows them to one supercategory and words the options.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SourceRecord
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
