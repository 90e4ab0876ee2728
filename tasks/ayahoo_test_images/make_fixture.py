"""The aYahoo fixture: ``attribute_data/ayahoo_test.txt`` (one line per object) and the images.

``bag_12.jpg`` holds two objects (two lines), as real multi-object images do.
Run: ``.venv/bin/python tasks/ayahoo_test_images/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

# (file name, class, attribute ids set to 1)
OBJECTS = [
    ("building_759.jpg", "building", [30, 31, 44]),
    ("zebra_3.jpg", "zebra", [8, 12, 20, 21]),
    ("bag_12.jpg", "bag", [40]),
    ("bag_12.jpg", "bag", [40, 41]),
    ("jetski_101.jpg", "jetski", []),
    ("centaur_7.jpg", "centaur", [9, 10, 13]),
]


def make_fixture(root: Path) -> None:
    """Write each image once and one list line per object into ``root``."""
    lines = []
    for n, (name, label, on) in enumerate(OBJECTS):
        draw_image(root / "ayahoo_test_images" / name, seed=("ayahoo", name))
        attributes = " ".join("1" if a in on else "0" for a in range(64))
        lines.append(f"{name} {label} {2 + n} {3 + n} {28 - n} {30 - n} {attributes}\n")
    write_text(root / "attribute_data" / "ayahoo_test.txt", "".join(lines))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
