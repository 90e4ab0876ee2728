"""The Set5 fixture: ``Set5/GTmod12/<subject>.png`` and two down-sampled versions.

Layout of the BasicSR benchmark pack: ground truth in ``GTmod12`` and bicubic down-samples in
``LRbicx<scale>``, each named by its subject. Sizes here are tiny stand-ins in the 3:1 ratio.
Run: ``.venv/bin/python tasks/set5/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

SUBJECTS = ("baby", "bird", "butterfly", "head", "woman")
IMAGES = [(f"GTmod12/{s}.png", (36, 36)) for s in SUBJECTS] + [
    ("LRbicx3/bird.png", (12, 12)), ("LRbicx3/woman.png", (12, 12)), ("LRbicx2/baby.png", (18, 18))]


def make_fixture(root: Path) -> None:
    """Write the images into the empty folder ``root``."""
    for path, size in IMAGES:
        draw_image(root / "Set5" / path, seed=("set5", path), size=size)


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
