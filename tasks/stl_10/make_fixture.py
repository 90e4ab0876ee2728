"""The STL-10 fixture: ``stl10_binary/{train,test}_X.bin``, ``_y.bin`` and ``class_names.txt``.

Real format: headerless uint8 arrays, 27,648 bytes per 96x96 image as three column-major planes
(R, G, B); one 1-based label byte per image. Three train images and one test image, each a
seeded background with a shape, laid out column by column as the real files are.
Run: ``.venv/bin/python tasks/stl_10/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from visionflan_core.reader_kit import derive_seed
from visionflan_core.testing import regenerate, write_text

CLASSES = ("airplane", "bird", "car", "cat", "deer", "dog", "horse", "monkey", "ship", "truck")
SPLITS = {"train": [1, 7, 9], "test": [4]}


def image_bytes(seed: object) -> bytes:
    """A 96x96 picture as STL-10 stores it: each channel's plane column by column."""
    value = derive_seed("stl_10", seed)
    colour = (value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF)
    image = Image.new("RGB", (96, 96), colour)
    ImageDraw.Draw(image).rectangle((20, 30, 70, 60), fill=tuple(255 - c for c in colour))
    return b"".join(band.transpose(Image.Transpose.TRANSPOSE).tobytes() for band in image.split())


def make_fixture(root: Path) -> None:
    """Write both splits' binaries and the class names into the empty folder ``root``."""
    base = root / "stl10_binary"
    base.mkdir(parents=True)
    for split, labels in SPLITS.items():
        (base / f"{split}_X.bin").write_bytes(b"".join(image_bytes((split, i)) for i in range(len(labels))))
        (base / f"{split}_y.bin").write_bytes(bytes(labels))
    write_text(base / "class_names.txt", "".join(f"{name}\n" for name in CLASSES))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
