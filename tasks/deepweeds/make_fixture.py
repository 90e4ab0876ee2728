"""The DeepWeeds fixture: ``images/<YYYYMMDD-HHMMSS-N>.jpg`` and ``labels/labels.csv``.

``labels.csv`` has the header ``Filename,Label,Species`` and one row per image, as in the authors'
repository; the ``Negative`` class (no target weed) is included.
Run: ``.venv/bin/python tasks/deepweeds/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

ROWS = [("20170811-124834-1.jpg", 0, "Chinee apple"), ("20170610-123859-1.jpg", 1, "Lantana"),
        ("20170207-154924-0.jpg", 7, "Snake weed"), ("20180119-105722-1.jpg", 8, "Negative")]


def make_fixture(root: Path) -> None:
    """Write the images and the label list into the empty folder ``root``."""
    for name, _, _ in ROWS:
        draw_image(root / "images" / name, seed=("deepweeds", name))
    write_text(root / "labels" / "labels.csv",
               "Filename,Label,Species\n" + "".join(f"{n},{i},{s}\n" for n, i, s in ROWS))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
