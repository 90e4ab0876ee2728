"""The CrowdHuman fixture: ``annotation_train.odgt`` and ``Images/<ID>.jpg``.

One JSON object per line, keys as in the real file (ID with a comma, gtboxes with hbox, fbox, vbox,
head_attr and extra). The first image is the released sample's (29 people); one image has a mask box
(a poster) and one person box flagged ignore.
Run: ``.venv/bin/python tasks/crowdhuman/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

# image ID, person boxes, ignored person boxes, mask boxes
IMAGES = [
    ("273278,98605000480ec4a4", 29, 0, 0),
    ("273271,c9db000d5146c15", 3, 1, 1),
    ("273275,4e3ae00066ae4e1f", 7, 0, 2),
    ("284193,faa9000f2678b5e", 1, 0, 0),
]


def box(number: int, tag: str, ignore: int) -> dict[str, object]:
    """One gtbox: boxes are [x, y, w, h] pixels, spread out by ``number``."""
    x, y = 10 * number, 5 * number
    found: dict[str, object] = {"tag": tag, "fbox": [x, y, 40, 120]}
    if tag == "person":
        found |= {"hbox": [x + 10, y, 18, 20], "vbox": [x, y, 40, 110],
                  "head_attr": {"ignore": ignore, "occ": 0, "unsure": 0}}
    found["extra"] = {"box_id": number, "occ": 0, "ignore": 1 if tag == "mask" else ignore}
    return found


def line(image_id: str, people: int, ignored: int, masks: int) -> str:
    kinds = [("person", 0)] * people + [("person", 1)] * ignored + [("mask", 1)] * masks
    boxes = [box(n, tag, ignore) for n, (tag, ignore) in enumerate(kinds)]
    return json.dumps({"ID": image_id, "gtboxes": boxes}) + "\n"


def make_fixture(root: Path) -> None:
    """Write the annotation lines and one picture per image into the empty folder ``root``."""
    for image_id, *_ in IMAGES:
        draw_image(root / "Images" / f"{image_id}.jpg", seed=("crowdhuman", image_id))
    write_text(root / "annotation_train.odgt", "".join(line(*image) for image in IMAGES))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
