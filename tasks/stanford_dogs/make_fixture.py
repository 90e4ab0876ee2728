"""The Stanford Dogs fixture: ``Images/<wnid>-<Breed>/<wnid>_<n>.jpg`` as images.tar unpacks.

Run: ``.venv/bin/python tasks/stanford_dogs/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate

IMAGES = [
    "n02085620-Chihuahua/n02085620_10074.jpg",
    "n02086240-Shih-Tzu/n02086240_1011.jpg",
    "n02091032-Italian_greyhound/n02091032_135.jpg",
    "n02093256-Staffordshire_bullterrier/n02093256_1827.jpg",
    "n02110806-basenji/n02110806_1013.jpg",
]


def make_fixture(root: Path) -> None:
    """Write one small image per entry into ``root/Images``."""
    draw_images(root / "Images", IMAGES)


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
