"""The NUS-WIDE fixture: ``Flickr/<keyword>/<nnnn>_<id>.jpg``, the image list and the ground truth.

``ImageList/Imagelist.txt`` lists images with the Windows paths of the release
(``C:\\ImageData\\Flickr\\actor\\0001_2124494179.jpg``); ``Groundtruth/AllLabels/Labels_<concept>.txt``
holds one 0/1 per line in the same order; ``Concepts81.txt`` names the concepts.
Run: ``.venv/bin/python tasks/nus_wide/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

# (keyword folder, file, animal, sky)
IMAGES = [("actor", "0001_2124494179.jpg", 0, 0), ("animal", "0089_1447908783.jpg", 1, 1),
          ("beach", "0312_375240285.jpg", 0, 1), ("zebra", "0007_2318824012.jpg", 1, 0)]


def make_fixture(root: Path) -> None:
    """Write the images, the image list, two concepts' labels and the concept list into ``root``."""
    for keyword, name, _, _ in IMAGES:
        draw_image(root / "Flickr" / keyword / name, seed=("nus_wide", name), size=(24, 17))
    write_text(root / "ImageList" / "Imagelist.txt",
               "".join(f"C:\\ImageData\\Flickr\\{keyword}\\{name}\n" for keyword, name, _, _ in IMAGES))
    for column, concept in ((2, "animal"), (3, "sky")):
        write_text(root / "Groundtruth" / "AllLabels" / f"Labels_{concept}.txt",
                   "".join(f"{row[column]}\n" for row in IMAGES))
    write_text(root / "Concepts81.txt", "airport\nanimal\nbeach\nsky\nzebra\n")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
