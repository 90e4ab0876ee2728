"""Per-example prompt choices a mixture may override: which template, and where ``<image>`` goes."""

from __future__ import annotations

import random

from ..example import Example, Turn
from ..seeding import derive_seed
from ..task import IMAGE_TOKEN
from .spec import Placement


def choose_template(pool: list[str], seed: int, task_id: str, key: str) -> str:
    """One template id from ``pool``, seeded per example (the first when there is no choice)."""
    if len(pool) == 1:
        return pool[0]
    return random.Random(derive_seed(seed, "template", task_id, key)).choice(pool)


def place_images(example: Example, policy: Placement, seed: int) -> Example:
    """Move the ``<image>`` tokens of the first human turn of a text-only source's example.

    Examples rendered by a task already have their tokens placed by :meth:`Task.render`; this is
    for sources whose conversations arrive as text (the release JSON, LLaVA-Instruct). ``task``
    keeps what the file chose; ``random`` flips a coin seeded by the mixture seed and the example.
    """
    if policy == "task" or not example.conversations:
        return example
    first = example.conversations[0]
    count = first.value.count(IMAGE_TOKEN)
    if count == 0:
        return example
    text = first.value.replace(f"{IMAGE_TOKEN}\n", "").replace(f"\n{IMAGE_TOKEN}", "")
    text = text.replace(IMAGE_TOKEN, "").strip()
    before = policy == "before" or (
        policy == "random"
        and random.Random(derive_seed(seed, "placement", example.task_id, example.id)).random() < 0.5
    )
    tokens = "\n".join([IMAGE_TOKEN] * count)
    value = f"{tokens}\n{text}" if before else f"{text}\n{tokens}"
    turns = [Turn(speaker=first.speaker, value=value), *example.conversations[1:]]
    return example.model_copy(update={"conversations": turns})
