"""The CAT2000 fixture: ``trainSet/Stimuli/<Category>/<NNN>.jpg`` with a fixation map beside it.

``199.jpg`` is in two categories (every category numbers its images alike), the other stems once;
``FIXATIONMAPS`` holds a map with a stimulus's name, which the reader must not take for an image.
Run: ``.venv/bin/python tasks/cat2000/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

STIMULI = ["Action/001.jpg", "LowResolution/021.jpg", "Object/199.jpg", "Satelite/199.jpg"]


def make_fixture(root: Path) -> None:
    """Write the stimuli and one fixation map into the empty folder ``root``."""
    for path in STIMULI:
        draw_image(root / "trainSet" / "Stimuli" / path, seed=("cat2000", path), size=(48, 27))
    draw_image(root / "trainSet" / "FIXATIONMAPS" / "Object" / "199.jpg", seed=("cat2000", "map"),
               size=(48, 27), mode="L")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
