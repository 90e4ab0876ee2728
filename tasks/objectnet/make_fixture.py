"""The ObjectNet fixture: ``images/<folder>/<hash>.png`` and ``mappings/folder_to_objectnet_label.json``.

PNG images as ObjectNet 1.0 ships them (some RGBA, each with the thin red border the dataset adds);
the mapping has more folders than images, as the real one (313 folders) does.
Run: ``.venv/bin/python tasks/objectnet/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from visionflan_core.testing import draw_image, regenerate, write_json

LABELS = {"air_freshener": "Air freshener", "flashlight": "Flashlight", "frying_pan": "Frying pan",
          "tennis_racket": "Tennis racket", "t-shirt": "T-shirt"}
IMAGES = [("flashlight", "62b95cae1e80473", "RGBA"), ("flashlight", "0a1b2c3d4e5f607", "RGB"),
          ("frying_pan", "9f8e7d6c5b4a392", "RGB"), ("t-shirt", "1234abcd5678ef0", "RGBA")]


def make_fixture(root: Path) -> None:
    """Write the images (red-bordered) and the folder mapping into the empty folder ``root``."""
    for folder, stem, mode in IMAGES:
        path = root / "images" / folder / f"{stem}.png"
        draw_image(path, seed=("objectnet", stem), size=(24, 32), mode=mode)
        with Image.open(path) as image:
            bordered = image.copy()
        ImageDraw.Draw(bordered).rectangle((0, 0, 23, 31), outline=(255, 0, 0, 255)[:len(mode)])
        bordered.save(path)
    write_json(root / "mappings" / "folder_to_objectnet_label.json", LABELS)


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
