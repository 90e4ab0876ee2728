"""The LFW fixture: ``lfw/<Person_Name>/<Person_Name>_<nnnn>.jpg`` and ``lfw-names.txt``.

The tree of the original ``lfw.tgz`` (250x250 JPEGs there, tiny here), with names holding hyphens and
several images of one person; ``lfw-names.txt`` (name and image count) sits beside it, unread.
Run: ``.venv/bin/python tasks/lfw/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

PEOPLE = {"Pete_Sampras": (7, 9), "Jean-Pierre_Raffarin": (1,), "Aaron_Eckhart": (1,)}


def make_fixture(root: Path) -> None:
    """Write the face images and the name list into the empty folder ``root``."""
    for name, numbers in PEOPLE.items():
        for number in numbers:
            stem = f"{name}_{number:04d}"
            draw_image(root / "lfw" / name / f"{stem}.jpg", seed=("lfw", stem), shape="ellipse")
    write_text(root / "lfw-names.txt",
               "".join(f"{name}\t{len(numbers)}\n" for name, numbers in sorted(PEOPLE.items())))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
