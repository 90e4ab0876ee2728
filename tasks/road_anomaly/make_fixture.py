"""The Road Anomaly fixture: ``frame_list.json``, ``frames/<name>.jpg`` and their label folders.

The layout of the EPFL zip (jpg edition), four frames named as real ones are (the released
lost_tires08 and the readme's animals06_sheep_roads_lambs among them), each with its
``<name>.labels/labels_semantic.png`` that no task reads.
Run: ``.venv/bin/python tasks/road_anomaly/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_json, write_text

FRAMES = ["animals06_sheep_roads_lambs.jpg", "cones03.jpg", "lost_tires08.jpg", "zebra01.jpg"]


def make_fixture(root: Path) -> None:
    """Write the frame list, the frames and their semantic labels into the empty folder ``root``."""
    write_json(root / "frame_list.json", FRAMES)
    for name in FRAMES:
        draw_image(root / "frames" / name, seed=("road_anomaly", name), size=(48, 27))
        stem = name.rsplit(".", 1)[0]
        draw_image(root / "frames" / f"{stem}.labels" / "labels_semantic.png", seed=("road_anomaly", stem),
                   mode="L", size=(48, 27), shape="ellipse")
    write_text(root / "credits.txt", "fixture: every frame drawn for the test suite\n")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
