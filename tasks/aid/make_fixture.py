"""The AID fixture: ``AID/<Class>/<class>_<n>.jpg`` as the archive unpacks.

Run: ``.venv/bin/python tasks/aid/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate

IMAGES = [
    "Airport/airport_78.jpg",
    "BareLand/bareland_12.jpg",
    "Beach/beach_3.jpg",
    "StorageTanks/storagetanks_201.jpg",
]


def make_fixture(root: Path) -> None:
    """Write one small image per entry into ``root/AID``."""
    draw_images(root / "AID", IMAGES)


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
