"""A testing kit for task authors: draw fixture images and check a task in one call.

    from visionflan_core.testing import assert_task_valid
    def test_my_task():
        assert_task_valid("my_task")
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from .seeding import derive_seed


def draw_image(path: Path, *, seed: object = 0, size: tuple[int, int] = (32, 32),
               mode: str = "RGB") -> Path:
    """Write a small deterministic picture (a coloured background with a shape) to ``path``.

    The format follows the suffix (``.jpg``, ``.png``, ...); the same seed gives the same bytes.
    """
    value = derive_seed("fixture-image", seed)
    colour = (value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF)
    accent = tuple(255 - c for c in colour)
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    w, h = size
    box = (w // 4, h // 4, 3 * w // 4, 3 * h // 4)
    if (value >> 24) & 1:
        draw.ellipse(box, fill=accent)
    else:
        draw.rectangle(box, fill=accent)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.convert(mode).save(path)
    return path


def assert_task_valid(task_id: str) -> None:
    """Fail with every problem ``vf-tasks validate`` would print for ``task_id``."""
    from .registry import discover
    from .validate import validate_task

    registry = discover(use_cache=False)
    problems = validate_task(registry, registry.get(task_id))
    assert not problems, "\n".join(str(p) for p in problems)
