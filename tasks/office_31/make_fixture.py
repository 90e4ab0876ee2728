"""The Office-31 fixture: ``<domain>/images/<class>/frame_<NNNN>.jpg`` as the archive unpacks.

File names repeat across classes and domains (frame_0009.jpg twice), as in Office-31; the released
samples' images are among them (amazon letter_tray frame_0009, amazon calculator frame_0078, webcam
paper_notebook frame_0002).
Run: ``.venv/bin/python tasks/office_31/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

IMAGES = [
    "amazon/images/calculator/frame_0078.jpg",
    "amazon/images/letter_tray/frame_0009.jpg",
    "dslr/images/mug/frame_0009.jpg",
    "dslr/images/back_pack/frame_0003.jpg",
    "webcam/images/paper_notebook/frame_0002.jpg",
]


def make_fixture(root: Path) -> None:
    """Write every image into the empty folder ``root``."""
    for path in IMAGES:
        draw_image(root / path, seed=("office_31", path))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
