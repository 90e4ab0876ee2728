"""The Places365 fixture: the standard file lists and ``data_256/`` images, as the tars unpack.

Run: ``.venv/bin/python tasks/places365/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

CATEGORIES = ["/a/airfield", "/a/airplane_cabin", "/a/apartment_building/outdoor", "/p/pharmacy", "/p/plaza"]
# (category index, file name)
IMAGES = [(0, "00000001.jpg"), (1, "00000001.jpg"), (2, "00000007.jpg"), (3, "00000312.jpg"),
          (4, "00000712.jpg")]


def make_fixture(root: Path) -> None:
    """Write the category list, the train list and its images into ``root``."""
    write_text(root / "categories_places365.txt", "".join(f"{c} {n}\n" for n, c in enumerate(CATEGORIES)))
    lines = []
    for index, name in IMAGES:
        path = f"{CATEGORIES[index]}/{name}"
        draw_image(root / "data_256" / path.lstrip("/"), seed=("places365", path))
        lines.append(f"{path} {index}\n")
    write_text(root / "places365_train_standard.txt", "".join(lines))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
