"""The DTD fixture: ``dtd/images/<class>/<file>.jpg`` and ``dtd/labels/labels_joint_anno.txt``.

The layout of ``dtd-r1.0.1.tar.gz``: 47 class folders (here four, five images, the released
samples' cracked_0094 and porous_0100 among them) and the joint annotation with its trailing space
on each line, one line carrying two labels as many real lines do. Split lists beside it are unused.
Run: ``.venv/bin/python tasks/dtd/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

JOINT = [
    ("banded/banded_0002.jpg", ["banded", "striped"]),
    ("cracked/cracked_0094.jpg", ["cracked"]),
    ("dotted/dotted_0161.jpg", ["dotted", "polka-dotted", "spiralled"]),
    ("porous/porous_0100.jpg", ["porous"]),
    ("porous/porous_0113.jpg", ["porous", "pitted"]),
]


def make_fixture(root: Path) -> None:
    """Write the images, the joint annotation and one split list into the empty folder ``root``."""
    for name, _ in JOINT:
        draw_image(root / "dtd" / "images" / name, seed=("dtd", name))
    write_text(root / "dtd" / "labels" / "labels_joint_anno.txt",
               "".join(f"{name} {' '.join(labels)} \n" for name, labels in JOINT))
    write_text(root / "dtd" / "labels" / "train1.txt", "".join(f"{name}\n" for name, _ in JOINT[:3]))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
