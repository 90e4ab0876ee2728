"""The DAQUAR fixture: ``qa.894.raw.txt`` (question line, answer line) and ``nyu_depth_images/``.

The first pair is the released sample's question (image1189, "What is at the right side of the
plant?" -> cabinet) in the raw form the question takes in the file (lower case, `` in the image<N> ?``);
the second is the raw example documented for DAQUAR; the rest are invented in the same shape, one with
a list answer. Images are PNGs, as in NYU-Depth V2.
Run: ``.venv/bin/python tasks/daquar/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate, write_text

PAIRS = [
    ("what is at the right side of the plant in the image1189 ?", "cabinet"),
    ("what is on the left side of the white oven on the floor and on right side of the blue armchair "
     "in the image1 ?", "garbage_bin"),
    ("how many chairs are there in the image1 ?", "3"),
    ("what are the objects on the table in the image1189 ?", "lamp, book"),
    ("what colour is the sofa in the image5 ?", "blue"),
]


def make_fixture(root: Path) -> None:
    """Write the question/answer file and the images into the empty folder ``root``."""
    write_text(root / "qa.894.raw.txt", "".join(f"{q}\n{a}\n" for q, a in PAIRS))
    draw_images(root / "nyu_depth_images", ["image1.png", "image1189.png", "image5.png"])


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
