"""The JHU-CROWD++ fixture: ``<split>/images/<id>.jpg``, ``<split>/gt/<id>.txt`` and ``image_labels.txt``.

The v2.0 archive's layout: per split, an ``image_labels.txt`` with lines
``<id>,<count>,<scene>,<weather>,<distractor>`` (no header) and one head-box file per image.
Run: ``.venv/bin/python tasks/jhu_crowd/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

IMAGES = {"train": [("0002", 85, "marathon", 0, 0), ("4112", 1543, "stadium", 0, 0)],
          "val": [("0311", 0, "water park", 2, 1)],
          "test": [("1203", 37, "protest", 0, 0)]}


def make_fixture(root: Path) -> None:
    """Write the images, head boxes and label lists into the empty folder ``root``."""
    for split, rows in IMAGES.items():
        for image_id, count, _, _, _ in rows:
            draw_image(root / split / "images" / f"{image_id}.jpg", seed=("jhu_crowd", image_id))
            write_text(root / split / "gt" / f"{image_id}.txt",
                       "".join(f"{10 + i} {12 + i} 3 4 1 0\n" for i in range(min(count, 2))))
        write_text(root / split / "image_labels.txt", "".join(",".join(map(str, r)) + "\n" for r in rows))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
