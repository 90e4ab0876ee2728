"""RecipeQA: ``<split>.json`` (``{"data": [...]}``) and ``images-qa/<split>/images-qa/<file>``.

Each entry has ``recipe_id``, ``task`` (``textual_cloze``, ``visual_cloze``, ``visual_coherence``,
``visual_ordering``), ``context``, ``question``, ``choice_list`` and ``answer`` (an index into
``choice_list``). For the visual tasks the choices are image file names. Vision-Flan showed the four
choice images of a visual-coherence question as ONE panel labelled (A)-(D), which this reader
rebuilds with pillow into the derived-image cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageOps

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_shaped, require

LETTERS = "ABCD"
PANEL_SIZE = (500, 200)  # the released panels: 500x200 RGB JPEG, white, labels under each image
CELL_WIDTH, CELL_LEFT, IMAGE_TOP, IMAGE_BOX, LABEL_Y = 100, 50, 45, (90, 100), 178


def read_recipeqa_panels(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "train.json",
    image_dir: str = "images-qa/train/images-qa",
    task: str = "visual_coherence",
) -> Iterator[SourceRecord]:
    """One record per ``task`` question with four image choices, shown as one composed panel.

    The record id is the question's running number among ``task`` entries (the released ids,
    ``27`` and ``3584``, are such counters). Fields: ``recipe_id``, ``answer_letter`` (the label).
    """
    path = root / annotations
    entries = load_shaped(context, path, list, "data")
    if entries is None:
        return

    def build(number: object, raw: Any) -> SourceRecord:
        choices = require(raw, "choice_list")
        if not isinstance(choices, list) or len(choices) != len(LETTERS):
            raise SkipRecord(f"choice_list must name {len(LETTERS)} images", field="choice_list")
        answer = require(raw, "answer")
        if not isinstance(answer, int) or not 0 <= answer < len(LETTERS):
            raise SkipRecord(f"answer {answer!r} is not a choice index", field="answer")
        sources = [context.image(f"{image_dir}/{name}") for name in choices]
        digest = hashlib.sha256("|".join(sources).encode()).hexdigest()[:12]
        files = [root / s for s in sources]
        panel = context.derived(f"{number}-{digest}.jpg", _composer(files), sources=files)
        return SourceRecord(
            id=str(number), images=(panel,),
            fields={"recipe_id": str(raw.get("recipe_id") or ""), "answer_letter": LETTERS[answer]},
            label=LETTERS[answer],
        )

    selected = [e for e in entries if isinstance(e, dict) and e.get("task") == task]
    yield from context.build_each(enumerate(selected), build, file=path)


def _composer(sources: Sequence[Path]) -> Callable[[Path], None]:
    """A builder that lays ``sources`` out left to right on white, each above its ``(letter)``."""

    def build(target: Path) -> None:
        panel = Image.new("RGB", PANEL_SIZE, "white")
        draw = ImageDraw.Draw(panel)
        for index, source in enumerate(sources):
            with Image.open(source) as raw:
                image = ImageOps.contain(raw.convert("RGB"), IMAGE_BOX)
            centre = CELL_LEFT + CELL_WIDTH * index + CELL_WIDTH // 2
            panel.paste(image, (centre - image.width // 2, IMAGE_TOP))
            draw.text((centre, LABEL_Y), f"({LETTERS[index]})", fill="black", anchor="mm")
        panel.save(target, format="JPEG", quality=90)

    return build
