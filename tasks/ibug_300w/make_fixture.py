"""The 300-W fixture: ``01_Indoor/`` and ``02_Outdoor/`` with ``<class>_<nnn>.png`` and ``.pts`` files.

Each image has its 68-point ``.pts`` file (``version: 1``, ``n_points: 68``, points in braces), as in the
iBUG archive; the reader does not need them, but the layout keeps them.
Run: ``.venv/bin/python tasks/ibug_300w/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

IMAGES = [("01_Indoor", "indoor_001"), ("01_Indoor", "indoor_017"), ("02_Outdoor", "outdoor_184"),
          ("02_Outdoor", "outdoor_300")]


def _pts(seed: int) -> str:
    points = "".join(f"{10 + (seed + i) % 13}.5 {12 + (seed * i) % 11}.25\n" for i in range(68))
    return "version: 1\nn_points:  68\n{\n" + points + "}\n"


def make_fixture(root: Path) -> None:
    """Write the portraits and their landmark files into the empty folder ``root``."""
    for index, (folder, stem) in enumerate(IMAGES):
        draw_image(root / folder / f"{stem}.png", seed=("300w", stem), shape="ellipse")
        write_text(root / folder / f"{stem}.pts", _pts(index))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
