"""The CORe50 fixture: ``core50_350x350/s<k>/o<n>/C_<kk>_<nn>_<fff>.png`` (the 350x350 archive).

Frames of a few objects over two sessions, with the archive's naming; the real frames are 350x350
RGB PNGs, here tiny.
Run: ``.venv/bin/python tasks/core50/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

FRAMES = [(1, 1, 0), (1, 6, 17), (9, 41, 288), (9, 41, 289), (9, 50, 3)]


def make_fixture(root: Path) -> None:
    """Write the frames into the empty folder ``root``."""
    for session, number, frame in FRAMES:
        name = f"C_{session:02d}_{number:02d}_{frame:03d}.png"
        draw_image(root / "core50_350x350" / f"s{session}" / f"o{number}" / name, seed=("core50", name))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
