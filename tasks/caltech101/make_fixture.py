"""The Caltech101 fixture: ``101_ObjectCategories/<class>/image_<NNNN>.jpg`` as the archive unpacks.

File names repeat across folders, as in the real archive (image_0001.jpg twice).
Run: ``.venv/bin/python tasks/caltech101/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate

IMAGES = [
    "BACKGROUND_Google/image_0001.jpg",
    "Faces_easy/image_0001.jpg",
    "garfield/image_0018.jpg",
    "hedgehog/image_0042.jpg",
    "airplanes/image_0007.jpg",
]


def make_fixture(root: Path) -> None:
    """Write one small image per entry into ``root/101_ObjectCategories``."""
    draw_images(root / "101_ObjectCategories", IMAGES)


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
