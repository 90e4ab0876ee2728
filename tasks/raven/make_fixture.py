"""The RAVEN fixture: ``<configuration>/RAVEN_<k>_<split>.npz`` problems with their ``.xml`` beside.

Four problems over two configurations (the released distribute_four 178 among them), each 16 grey
20x20 panels (white background, a dark square whose size and grey vary by panel) and a target, written
as np.savez writes them (an uncompressed zip of image.npy, target.npy, predict.npy) but with fixed zip
timestamps so the bytes repeat. Needs numpy (the ``npz`` extra); without it the regeneration test is
skipped. Run: ``.venv/bin/python tasks/raven/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import io
import unittest
import zipfile
from pathlib import Path
from typing import Any

from visionflan_core.testing import regenerate, write_text

try:
    import numpy
    MISSING = ""
except ImportError:  # no 'npz' extra: the regeneration test is skipped, the script says why
    MISSING = "numpy"
HINT = "the RAVEN fixture needs numpy: pip install 'visionflan[npz]'"

SIZE = 20
PROBLEMS = [("center_single", 3, "train", 5), ("distribute_four", 7, "val", 0),
            ("distribute_four", 178, "test", 3), ("distribute_four", 1427, "val", 5)]


def _panels(seed: int) -> Any:
    panels = numpy.full((16, SIZE, SIZE), 255, dtype=numpy.uint8)
    for index in range(16):
        edge = 3 + (index + seed) % 6
        panels[index, edge:SIZE - edge, edge:SIZE - edge] = (index * 37 + seed * 11) % 200
        panels[index, edge, edge:SIZE - edge] = 0
    return panels


def _npz(path: Path, arrays: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, array in arrays.items():
            data = io.BytesIO()
            numpy.save(data, array)
            archive.writestr(zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0)), data.getvalue())


def make_fixture(root: Path) -> None:
    """Write each problem's .npz and .xml into the empty folder ``root``."""
    if MISSING:
        raise unittest.SkipTest(HINT)
    for configuration, number, split, target in PROBLEMS:
        stem = root / configuration / f"RAVEN_{number}_{split}"
        _npz(stem.with_suffix(".npz"), {"image": _panels(number), "target": numpy.int64(target),
                                        "predict": numpy.int64(target)})
        write_text(stem.with_suffix(".xml"), f'<Data><Panels/><Rules/><Target value="{target}"/></Data>\n')


if __name__ == "__main__":
    if MISSING:  # checked before regenerate deletes the committed fixture
        raise SystemExit(HINT)
    regenerate(make_fixture, __file__)
