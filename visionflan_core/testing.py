"""A testing kit for task authors: draw fixture images and check a task in one call.

    from visionflan_core.testing import assert_task_valid
    def test_my_task():
        assert_task_valid("my_task")
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from .seeding import derive_seed

SHAPES = ("rectangle", "ellipse", "triangle")


def draw_image(path: Path, *, seed: object = 0, size: tuple[int, int] = (32, 32),
               mode: str = "RGB", shape: str | None = None) -> Path:
    """Write a small deterministic picture (a coloured background with a shape) to ``path``.

    The format follows the suffix (``.jpg``, ``.png``, ...); the same seed gives the same bytes.
    ``shape`` (one of :data:`SHAPES`) fixes what is drawn; by default the seed picks a
    rectangle or an ellipse.
    """
    value = derive_seed("fixture-image", seed)
    colour = (value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF)
    accent = tuple(255 - c for c in colour)
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    w, h = size
    box = (w // 4, h // 4, 3 * w // 4, 3 * h // 4)
    if shape is None:
        shape = SHAPES[(value >> 24) & 1]
    if shape == "ellipse":
        draw.ellipse(box, fill=accent)
    elif shape == "rectangle":
        draw.rectangle(box, fill=accent)
    elif shape == "triangle":
        draw.polygon([(w // 2, h // 4), (3 * w // 4, 3 * h // 4), (w // 4, 3 * h // 4)], fill=accent)
    else:
        raise ValueError(f"shape must be one of {SHAPES}, not {shape!r}")
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
