"""The FoodLogoDet-1500 fixture: VOC ``JPEGImages/``, ``Annotations/`` and ``ImageSets/Main/`` lists.

Four images over the three split lists (the released 009808, Del Monte), one with two boxes of one
brand and one with two brands, in the VOC XML shape (size, object, name, bndbox).
Run: ``.venv/bin/python tasks/foodlogodet_1500/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

IMAGES = {
    "000017": ("train", ["Oreo", "Oreo"]),
    "008582": ("train", ["Lay's"]),
    "009808": ("val", ["Del Monte"]),
    "051234": ("test", ["Nestle", "KitKat"]),
}


def _xml(image_id: str, names: list[str]) -> str:
    objects = "".join(
        f"\t<object>\n\t\t<name>{name.replace(chr(39), '&apos;')}</name>\n\t\t<pose>Unspecified</pose>\n"
        f"\t\t<truncated>0</truncated>\n\t\t<difficult>0</difficult>\n"
        f"\t\t<bndbox>\n\t\t\t<xmin>{4 + 9 * n}</xmin>\n\t\t\t<ymin>5</ymin>\n"
        f"\t\t\t<xmax>{12 + 9 * n}</xmax>\n\t\t\t<ymax>20</ymax>\n\t\t</bndbox>\n\t</object>\n"
        for n, name in enumerate(names))
    return (f"<annotation>\n\t<folder>JPEGImages</folder>\n\t<filename>{image_id}.jpg</filename>\n"
            f"\t<size>\n\t\t<width>32</width>\n\t\t<height>32</height>\n\t\t<depth>3</depth>\n\t</size>\n"
            f"\t<segmented>0</segmented>\n{objects}</annotation>\n")


def make_fixture(root: Path) -> None:
    """Write images, XML annotations and split lists into the empty folder ``root``."""
    lists: dict[str, list[str]] = {"train": [], "val": [], "test": []}
    for image_id, (split, names) in IMAGES.items():
        draw_image(root / "JPEGImages" / f"{image_id}.jpg", seed=("foodlogodet_1500", image_id))
        write_text(root / "Annotations" / f"{image_id}.xml", _xml(image_id, names))
        lists[split].append(image_id)
    for split, ids in lists.items():
        write_text(root / "ImageSets" / "Main" / f"{split}.txt", "".join(f"{i}\n" for i in ids))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
