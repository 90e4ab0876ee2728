"""The ExDark fixture: ``ExDark/<Class>/2015_<nnnnn>.<ext>`` and ``imageclasslist.txt``.

Class folders as in ``ExDark.zip``, with the archive's mixed suffixes (``.jpg``, ``.JPG``, ``.png``);
the repository's ``imageclasslist.txt`` (``Name | Class | Light | In/Out | Train/Val/Test``) sits
beside them, unread.
Run: ``.venv/bin/python tasks/exdark/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

CLASSES = ("Bicycle", "Boat", "Bottle", "Bus", "Car", "Cat", "Chair", "Cup", "Dog", "Motorbike", "People",
           "Table")
IMAGES = [("Bicycle", "2015_00252.jpg"), ("Boat", "2015_00705.JPG"), ("Cup", "2015_05421.png"),
          ("People", "2015_06189.jpg")]


def make_fixture(root: Path) -> None:
    """Write the dark images and the class list into the empty folder ``root``."""
    for folder, name in IMAGES:
        draw_image(root / "ExDark" / folder / name, seed=("exdark", name))
    rows = "".join(f"{name} {CLASSES.index(folder) + 1} 1 1 1\n" for folder, name in IMAGES)
    write_text(root / "imageclasslist.txt", "Name | Class | Light | In/Out | Train/Val/Test\n" + rows)


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
