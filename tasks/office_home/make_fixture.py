"""The Office-Home fixture: ``OfficeHomeDataset_10072016/<domain>/<class>/<NNNNN>.jpg``.

``00015.jpg`` appears under Shelf in two domains (stems repeat in every class of Office-Home) and
``Real World`` keeps its space, as the official archive has them.
Run: ``.venv/bin/python tasks/office_home/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

IMAGES = [
    "Art/Shelf/00015.jpg",
    "Art/TV/00003.jpg",
    "Clipart/Shelf/00015.jpg",
    "Product/Alarm_Clock/00001.jpg",
    "Real World/Laptop/00042.jpg",
]


def make_fixture(root: Path) -> None:
    """Write every image into the empty folder ``root``."""
    for path in IMAGES:
        draw_image(root / "OfficeHomeDataset_10072016" / path, seed=("office_home", path))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
