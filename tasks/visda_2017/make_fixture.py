"""The VisDA-2017 fixture: ``train/<category>/*.png``, ``validation/<category>/*.jpg``, ``image_list.txt``.

Real layout of train.tar and validation.tar: a folder per category and an ``image_list.txt`` of
``<category>/<file> <index>`` lines (index = position in the alphabetical category list). Ten of the
twelve categories per split, one image each, so every multiple-choice record can offer ten options.
Run: ``.venv/bin/python tasks/visda_2017/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

CATEGORIES = ("aeroplane", "bicycle", "bus", "car", "horse", "knife", "motorcycle", "person", "plant",
              "skateboard", "train", "truck")
TRAIN = [
    "aeroplane/src_1_02691156_10155655850468db78d106ce0a280f87__1_1_001.png",
    "bicycle/src_1_02834778_1ab8a3b55c14a7b27eaeab1f0c9120b7__6_1_002.png",
    "bus/src_1_02924116_1a0710af081df737c50a037462bade42__9_1_003.png",
    "car/src_2_02958343_1a1dcd236a1e6133860800e6696b8284__44_349_150.png",
    "horse/src_4_6-3-1__12_349_165.png",
    "knife/src_1_03624134_1a5ea8a2d4ddae1a1ce1a9ee8e4f23a1__3_1_004.png",
    "person/src_5_6-3-1__197_349_165.png",
    "plant/src_5_6-3-1__201_349_165.png",
    "train/src_1_04468005_1a82aa1e4f3bc6e9cf2b2bb4b6f2f3e2__7_1_005.png",
    "truck/src_3_2995__231_349_165.png",
]
VALIDATION = [
    "aeroplane/aeroplane_1001.jpg", "bus/bus_77.jpg", "car/car_2301.jpg", "horse/horse_15.jpg",
    "knife/knife_120.jpg", "motorcycle/motorcycle_8.jpg", "person/person_4410.jpg", "plant/plant_20872.jpg",
    "skateboard/skateboard_36.jpg", "truck/truck_512.jpg",
]


def make_fixture(root: Path) -> None:
    """Write both splits and their image lists into the empty folder ``root``."""
    for split, paths, size in (("train", TRAIN, (38, 22)), ("validation", VALIDATION, (24, 30))):
        for path in paths:
            draw_image(root / split / path, seed=("visda_2017", split, path), size=size)
        write_text(root / split / "image_list.txt",
                   "".join(f"{p} {CATEGORIES.index(p.split('/')[0])}\n" for p in paths))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
