"""The Dark Zurich fixture: ``rgb_anon/train/<time>/GOPR<nnnn>/..._rgb_anon.png`` (the train archive).

Frames of a few GoPro sequences under each time-of-day folder, as ``Dark_Zurich_train_anon.zip``
unpacks; one validation frame with its ground truth sits beside them, unread.
Run: ``.venv/bin/python tasks/dark_zurich/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

FRAMES = [("train", "day", "GOPR0348", 120), ("train", "day", "GOPR0348", 144),
          ("train", "night", "GOPR0356", 33), ("train", "twilight", "GOPR0375", 495),
          ("val", "night", "GOPR0356", 1)]


def make_fixture(root: Path) -> None:
    """Write the frames (and the one labelled val frame) into the empty folder ``root``."""
    for split, time, sequence, frame in FRAMES:
        stem = f"{sequence}_frame_{frame:06d}"
        draw_image(root / "rgb_anon" / split / time / sequence / f"{stem}_rgb_anon.png",
                   seed=("dark_zurich", stem), size=(32, 18))
        if split == "val":
            draw_image(root / "gt" / split / time / sequence / f"{stem}_gt_labelTrainIds.png",
                       seed=("dark_zurich_gt", stem), size=(32, 18), mode="L")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
