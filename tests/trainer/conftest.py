"""Shared fixtures: tiny LLaVA-format datasets drawn with Pillow (colour questions, so loss falls)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from PIL import Image

COLOURS = {"red": (220, 30, 30), "green": (30, 200, 40), "blue": (30, 40, 220)}


def write_colour_dataset(
    root: Path,
    n: int = 24,
    extra: list[dict[str, Any]] | None = None,
    name: str = "train.json",
    completed: bool = True,
) -> Path:
    """``root/llava/{name}`` + ``root/llava/images/*.png``; sample i shows colour i % 3.

    Laid out like a finished ``vf-tasks export`` (``COMPLETED`` last) unless ``completed=False``.
    """
    llava = root / "llava"
    (llava / "images").mkdir(parents=True, exist_ok=True)
    names = list(COLOURS)
    records: list[dict[str, Any]] = []
    for i in range(n):
        colour = names[i % 3]
        w, h = (40, 24) if i % 2 else (24, 40)  # non-square: exercises pad-to-square
        img = Image.new("RGB", (w, h), COLOURS[colour])
        img.save(llava / "images" / f"{i}.png")
        records.append(
            {
                "id": f"s{i}",
                "image": f"images/{i}.png",
                "conversations": [
                    {"from": "human", "value": "What colour is the square?\n<image>"},
                    {"from": "gpt", "value": f"It is {colour}."},
                ],
            }
        )
    records.extend(extra or [])
    (llava / name).write_text(json.dumps(records))
    if completed:
        (root / "COMPLETED").write_bytes(b"")
    return root


@pytest.fixture
def colour_data(tmp_path: Path) -> Path:
    return write_colour_dataset(tmp_path / "data")
