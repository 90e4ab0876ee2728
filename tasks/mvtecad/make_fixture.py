"""The MVTec AD fixture: ``<category>/{train,test}/<defect>/<NNN>.png`` plus ground-truth masks.

The layout of ``mvtec_anomaly_detection.tar.xz``, four categories: zipper in 8-bit grey as the real
one (the released anomaly sample, zipper/test/combined/000.png), pill with the released
classification sample's 187.png, file stems repeating across folders as they do, and masks under
``ground_truth/`` that no task reads, with the archive's ``license.txt``.
Run: ``.venv/bin/python tasks/mvtecad/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

IMAGES = [
    "bottle/test/broken_large/000.png",
    "bottle/train/good/000.png",
    "metal_nut/test/color/001.png",
    "metal_nut/test/good/001.png",
    "pill/test/crack/002.png",
    "pill/train/good/187.png",
    "zipper/test/combined/000.png",
]
MASKS = [
    "bottle/ground_truth/broken_large/000_mask.png",
    "metal_nut/ground_truth/color/001_mask.png",
    "pill/ground_truth/crack/002_mask.png",
    "zipper/ground_truth/combined/000_mask.png",
]


def make_fixture(root: Path) -> None:
    """Write the images, the masks and the licence file into the empty folder ``root``."""
    for path in IMAGES:
        draw_image(root / path, seed=("mvtecad", path), mode="L" if path.startswith("zipper") else "RGB")
    for path in MASKS:
        draw_image(root / path, seed=("mvtecad", path), mode="L", shape="ellipse")
    write_text(root / "license.txt", "CC BY-NC-SA 4.0 (fixture stand-in for the archive's licence file)\n")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
