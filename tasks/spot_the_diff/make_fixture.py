"""The spot-the-diff fixture: ``data/annotations/train.json`` and ``resized_images/`` frame pairs.

Entries as in the repository's train.json: the two released ones (984, 10125, their real single
sentences), 161 with three sentences (real), 76 with an empty sentence beside a real one, and a made-up
second annotation of 984 (a repeat, as the real file has). Frames are small drawn pictures standing
in for the 224x224 PNGs (``<img_id>.png`` before, ``<img_id>_2.png`` after).
Run: ``.venv/bin/python tasks/spot_the_diff/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

ENTRIES: list[dict[str, object]] = [
    {"img_id": "984", "sentences": ["the blue car is pulling in the parking to park"]},
    {"img_id": "10125", "sentences": ["there are more visible people in the frame"]},
    {"img_id": "161", "sentences": [
        "the person in the middle of a group of 3 people has both hands on top of its head",
        "the group of two people have moved closer to each other",
        "there is a car parked in front of the building"]},
    {"img_id": "76", "sentences": ["", "there are no differences"]},
    {"img_id": "984", "sentences": ["a car has moved into the parking lot"]},
]


def make_fixture(root: Path) -> None:
    """Write the annotation list (one line, as the repository's files are) and the frame pairs."""
    write_text(root / "data" / "annotations" / "train.json", json.dumps(ENTRIES))
    for img_id in sorted({str(entry["img_id"]) for entry in ENTRIES}):
        draw_image(root / "resized_images" / f"{img_id}.png", seed=(img_id, "before"), shape="rectangle")
        draw_image(root / "resized_images" / f"{img_id}_2.png", seed=(img_id, "after"), shape="ellipse")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
