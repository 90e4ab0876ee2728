"""The ImageNet-Sketch fixture: ``sketch/<wnid>/sketch_<n>.JPEG``.

Real layout: one folder per ILSVRC-2012 WordNet id, files ``sketch_<n>.JPEG`` numbered from 0 in every
class (so stems repeat across classes); sketches are greyscale drawings stored as JPEG.
Run: ``.venv/bin/python tasks/imagenet_sketch/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

IMAGES = ["n03584829/sketch_40.JPEG", "n03584829/sketch_0.JPEG", "n01440764/sketch_40.JPEG",
          "n02012849/sketch_3.JPEG", "n09835506/sketch_12.JPEG"]


def make_fixture(root: Path) -> None:
    """Write every sketch into the empty folder ``root``."""
    for path in IMAGES:
        draw_image(root / "sketch" / path, seed=("imagenet_sketch", path), size=(40, 34), mode="L")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
