"""The GTSRB fixture: ``GTSRB/Final_Training/Images/<class>/`` with PPM images and ``GT-<class>.csv``.

The layout of GTSRB_Final_Training_Images.zip, three class folders (Speed limit (20km/h), Stop and
Ahead only, the released answer), file stems repeating across folders as every real one does
(00000_00001 under 00000 and 00035, the released id) and one that does not.
Run: ``.venv/bin/python tasks/gtsrb/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

BASE = "GTSRB/Final_Training/Images"
IMAGES = {
    "00000": ["00000_00000.ppm", "00000_00001.ppm"],
    "00014": ["00003_00012.ppm"],
    "00035": ["00000_00001.ppm", "00002_00029.ppm"],
}
HEADER = "Filename;Width;Height;Roi.X1;Roi.Y1;Roi.X2;Roi.Y2;ClassId\n"


def make_fixture(root: Path) -> None:
    """Write each class folder's images and GT CSV into the empty folder ``root``."""
    for folder, names in IMAGES.items():
        for name in names:
            draw_image(root / BASE / folder / name, seed=("gtsrb", folder, name), size=(29, 30))
        rows = "".join(f"{name};29;30;5;5;24;25;{int(folder)}\n" for name in names)
        write_text(root / BASE / folder / f"GT-{folder}.csv", HEADER + rows)


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
