"""The ImageNet-R fixture: ``imagenet-r/<wnid>/<rendition>_<n>.jpg`` and the archive's README.txt.

Real layout: one folder per WordNet id (200), files named by rendition and a counter that restarts in
every class (``tattoo_9``, ``misc_34`` are released stems). ``misc_34`` is written in CMYK, as the
released sample is.
Run: ``.venv/bin/python tasks/imagenet_r/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

IMAGES = [("n01484850/tattoo_9.jpg", "RGB"), ("n01484850/painting_20.jpg", "RGB"),
          ("n02085620/misc_34.jpg", "CMYK"), ("n02085620/tattoo_9.jpg", "RGB"),
          ("n04118538/origami_3.jpg", "RGB")]
README = "ImageNet-R: 30,000 renditions of 200 ImageNet classes.\n\nn01484850 great_white_shark\n"


def make_fixture(root: Path) -> None:
    """Write every image and a README into the empty folder ``root``."""
    for path, mode in IMAGES:
        draw_image(root / "imagenet-r" / path, seed=("imagenet_r", path), size=(30, 24), mode=mode)
    write_text(root / "imagenet-r" / "README.txt", README)


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
