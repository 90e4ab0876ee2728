"""The ImageNet-C fixture: ``<corruption>/<severity>/<wnid>/ILSVRC2012_val_<n>.JPEG``.

Real layout of the Zenodo tars: a folder per corruption, one per severity (1-5), then the ImageNet
validation images in WordNet-id folders; the same validation file recurs under every corruption.
Ten images: three blur, three weather, two noise/digital and two of extra.tar's corruptions.
Run: ``.venv/bin/python tasks/imagenet_c/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

IMAGES = [
    "defocus_blur/3/n01440764/ILSVRC2012_val_00005365.JPEG",
    "motion_blur/1/n01440764/ILSVRC2012_val_00005365.JPEG",
    "zoom_blur/5/n02085620/ILSVRC2012_val_00000293.JPEG",
    "snow/2/n02085620/ILSVRC2012_val_00039707.JPEG",
    "fog/4/n01440764/ILSVRC2012_val_00005365.JPEG",
    "brightness/1/n04118538/ILSVRC2012_val_00006727.JPEG",
    "gaussian_noise/5/n02085620/ILSVRC2012_val_00000293.JPEG",
    "contrast/2/n04118538/ILSVRC2012_val_00006727.JPEG",
    "saturate/3/n01440764/ILSVRC2012_val_00002858.JPEG",
    "speckle_noise/1/n02085620/ILSVRC2012_val_00039707.JPEG",
]


def make_fixture(root: Path) -> None:
    """Write every image into the empty folder ``root``."""
    for path in IMAGES:
        draw_image(root / path, seed=("imagenet_c", path), size=(28, 28))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
