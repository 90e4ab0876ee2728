"""The Sketch (TU-Berlin) fixture: ``png/<category>/<n>.png`` and ``png/filelist.txt``.

Sketches are numbered over the 250 alphabetical categories, 80 each (airplane 1-80, cow 4721-4800,
microphone 10321-10400); cow 4791 and microphone 10365 are the released samples. Greyscale PNGs,
one category folder with a space.
Run: ``.venv/bin/python tasks/sketch/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

SKETCHES = [
    "airplane/17.png",
    "cow/4791.png",
    "flying bird/6902.png",
    "hand/7850.png",
    "microphone/10365.png",
]


def make_fixture(root: Path) -> None:
    """Write every sketch and the file list into the empty folder ``root``."""
    for path in SKETCHES:
        draw_image(root / "png" / path, seed=("sketch", path), mode="L", shape="ellipse")
    write_text(root / "png" / "filelist.txt", "".join(f"{path}\n" for path in SKETCHES))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
