"""The Stanford Cars fixture: devkit MAT-files written with scipy, and both image folders.

The train and test folders share file names, as in the real archives. The MAT-file header's creation
time is replaced by fixed text so that the files are the same bytes on every run. Needs scipy (the
``mat`` extra); without it the regeneration test is skipped.
Run: ``.venv/bin/python tasks/cars/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import io
import unittest
from pathlib import Path
from typing import Any

from visionflan_core.testing import draw_image, regenerate

try:
    import numpy as np
    from scipy.io import savemat
    MISSING = ""
except ImportError:  # no 'mat' extra: the regeneration test is skipped, the script says why
    MISSING = "scipy"
HINT = "the Cars fixture needs scipy: pip install 'visionflan[mat]'"

CLASSES = ["AM General Hummer SUV 2000", "Aston Martin V8 Vantage Convertible 2012",
           "BMW 3 Series Sedan 2012", "GMC Savana Van 2012", "Rolls-Royce Ghost Sedan 2012"]
# (split, file name, 1-based class)
IMAGES = [("train", "00001.jpg", 4), ("train", "06239.jpg", 2), ("train", "07000.jpg", 1),
          ("train", "08025.jpg", 4), ("train", "08144.jpg", 5), ("test", "00001.jpg", 3)]
HEADER = b"MATLAB 5.0 MAT-file, written by tasks/cars/make_fixture.py"


def make_fixture(root: Path) -> None:
    """Write ``cars_train/``, ``cars_test/`` and the three devkit MAT-files into ``root``."""
    if MISSING:
        raise unittest.SkipTest(HINT)
    for split, name, _ in IMAGES:
        draw_image(root / f"cars_{split}" / name, seed=("cars", split, name), size=(40, 30))
    _write(root / "devkit" / "cars_meta.mat", {"class_names": np.array([CLASSES], dtype=object)})
    fields = [(key, "O") for key in ("bbox_x1", "bbox_y1", "bbox_x2", "bbox_y2", "class", "fname")]
    for split, file in (("train", "cars_train_annos.mat"), ("test", "cars_test_annos_withlabels.mat")):
        rows = [(np.uint8(2 + n), np.uint8(3), np.uint8(36), np.uint8(27), np.uint8(c), name)
                for n, (s, name, c) in enumerate(IMAGES) if s == split]
        _write(root / "devkit" / file, {"annotations": np.array([rows], dtype=fields)})


def _write(path: Path, variables: dict[str, Any]) -> None:
    """``savemat`` output with the header's creation time replaced by fixed text."""
    buffer = io.BytesIO()
    savemat(buffer, variables)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(HEADER.ljust(116, b" ") + buffer.getvalue()[116:])


if __name__ == "__main__":
    if MISSING:  # checked before regenerate deletes the committed fixture
        raise SystemExit(HINT)
    regenerate(make_fixture, __file__)
