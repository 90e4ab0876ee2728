"""The FairFace fixture: ``fairface_label_train.csv`` and ``train/<n>.jpg`` (margin 0.25 archive).

The CSV header is ``file,age,gender,race,service_test`` with ``file`` holding the split folder
(``train/1.jpg``), as in the authors' label files; a ``val`` file is written too and left unread.
Run: ``.venv/bin/python tasks/fairface/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

HEADER = "file,age,gender,race,service_test\n"
TRAIN = [("train/1.jpg", "50-59", "Male", "East Asian", "True"),
         ("train/38354.jpg", "20-29", "Female", "Latino_Hispanic", "False"),
         ("train/71295.jpg", "10-19", "Female", "Southeast Asian", "True"),
         ("train/22519.jpg", "more than 70", "Male", "Middle Eastern", "False")]
VAL = [("val/1.jpg", "3-9", "Male", "Black", "False")]


def make_fixture(root: Path) -> None:
    """Write the face images and both label files into the empty folder ``root``."""
    for name, split in (("fairface_label_train.csv", TRAIN), ("fairface_label_val.csv", VAL)):
        for row in split:
            draw_image(root / row[0], seed=("fairface", row[0]), shape="ellipse")
        write_text(root / name, HEADER + "".join(",".join(row) + "\n" for row in split))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
