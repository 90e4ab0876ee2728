"""The MNIST-M fixture: ``mnist_m/mnist_m_{train,test}/<8-digit>.png`` and their label lists.

Real layout: 32x32 RGB PNGs named by an 8-digit counter that restarts in each split, and
``mnist_m_<split>_labels.txt`` with ``<file> <digit>`` lines.
Run: ``.venv/bin/python tasks/mnist_m/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

SPLITS = {
    "train": [("00000000.png", 5), ("00000001.png", 0), ("00058887.png", 1), ("00058888.png", 7)],
    "test": [("00000000.png", 2)],
}


def make_fixture(root: Path) -> None:
    """Write the images and both label lists into the empty folder ``root``."""
    for split, rows in SPLITS.items():
        for name, _ in rows:
            draw_image(root / "mnist_m" / f"mnist_m_{split}" / name, seed=("mnist_m", split, name))
        write_text(root / "mnist_m" / f"mnist_m_{split}_labels.txt",
                   "".join(f"{name} {digit}\n" for name, digit in rows))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
