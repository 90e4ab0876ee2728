"""The Caltech-256 fixture: ``256_ObjectCategories/<NNN>.<name>/<NNN>_<MMMM>.jpg`` as the tar unpacks.

Run: ``.venv/bin/python tasks/caltech_256/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate

IMAGES = [
    "002.american-flag/002_0001.jpg",
    "043.coin/043_0068.jpg",
    "043.coin/043_0069.jpg",
    "253.faces-easy-101/253_0012.jpg",
    "257.clutter/257_0003.jpg",
]


def make_fixture(root: Path) -> None:
    """Write one small image per entry into ``root/256_ObjectCategories``."""
    draw_images(root / "256_ObjectCategories", IMAGES)


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
