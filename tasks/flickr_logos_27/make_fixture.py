"""The FlickrLogos-27 fixture: the images folder and the two annotation files, as the tarball unpacks.

Training lines ``<file> <class> <subset> <x1> <y1> <x2> <y2>`` (one per box: 3324939734.jpg, the
released Ford sample, has two boxes; one line ends in a blank as some real ones do) and query lines
``<file>\t<class>`` with a ``none`` image.
Run: ``.venv/bin/python tasks/flickr_logos_27/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

BASE = "flickr_logos_27_dataset"
TRAINING = [
    "144503924.jpg Adidas 1 38 12 234 142",
    "3324939734.jpg Ford 2 10 22 80 60",
    "3324939734.jpg Ford 2 90 30 150 72 ",
    "4763210295.jpg Adidas 1 91 288 125 306",
    "2662264721.jpg RedBull 3 3 197 3 197",
]
QUERY = ["401253895.jpg\tBMW", "1230939811.jpg\tnone"]


def make_fixture(root: Path) -> None:
    """Write the images and both annotation files into the empty folder ``root``."""
    names = sorted({line.split()[0] for line in TRAINING} | {line.split("\t")[0] for line in QUERY})
    for name in names:
        draw_image(root / BASE / "flickr_logos_27_dataset_images" / name, seed=("flickr_logos_27", name))
    write_text(root / BASE / "flickr_logos_27_dataset_training_set_annotation.txt",
               "".join(f"{line}\n" for line in TRAINING))
    write_text(root / BASE / "flickr_logos_27_dataset_query_set_annotation.txt",
               "".join(f"{line}\n" for line in QUERY))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
