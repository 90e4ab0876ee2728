"""The CINIC-10 fixture: ``{train,valid,test}/<class>/<file>.png``, 32x32 PNGs.

Real layout (BayesWatch/cinic-10 README): a folder per split, then one per CIFAR-10 class. ImageNet-
derived files are named ``<wnid>_<n>.png``; ``n02047975_2721.png`` and ``n02843029_9292.png`` are the
released samples' names. One stem repeats in two splits, as CIFAR-derived names may.
Run: ``.venv/bin/python tasks/cinic_10/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

IMAGES = [
    "train/bird/n02047975_2721.png",
    "train/cat/cifar10-train-3.png",
    "valid/dog/n02085620_1152.png",
    "test/frog/cifar10-test-7.png",
    "train/airplane/n02690373_31.png",
    "valid/automobile/n03770679_9994.png",
    "test/automobile/cifar10-test-9.png",
    "train/ship/n02843029_9292.png",
    "test/ship/n03095699_4471.png",
    "valid/truck/cifar10-train-3.png",
]


def make_fixture(root: Path) -> None:
    """Write every image into the empty folder ``root``."""
    for path in IMAGES:
        draw_image(root / path, seed=("cinic_10", path), size=(32, 32))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
