"""The nocaps fixture: ``nocaps_val_4500_captions.json`` and ``val/<open_images_id>.jpg``.

Three images of the three domains with ten captions each (nocaps has ten per image); the first
image's captions are the released ones, the others are stand-ins. The JSON is minified, COCO style.
Run: ``.venv/bin/python tasks/nocaps/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

RELEASED = [
    "Group of people playing polo on bicycles on blacktop.", "A man riding a bicycle wearing a hat.",
    "Individuals playing a game consisting of riding on bicycles and hitting a ball with mallets.",
    "Three men in jackets playing croquet on bicycles.", "some people are playing hockey with their bicycle.",
    "Three people that are riding bicycles around on a basketball court.",
    "Several people ride bikes on what appears to be park asphalt. ",
    "A group of people are riding the bicycle and playing hockey.",
    "Four people riding bicycles and playing polo while on a concrete pad near many houses.",
    "Four people playing polo on their bicycles on pavement.",
]
IMAGES = [
    (3, "cd9ce6646a4ac45b", "near-domain", RELEASED),
    (0, "0013ea2087020901", "in-domain", [f"A baby is standing in front of a house, view {k}."
                                          for k in range(10)]),
    (7, "00223d6d5df8ecd0", "out-domain", [f"A red accordion on a table, photo {k}." for k in range(10)]),
]


def make_fixture(root: Path) -> None:
    """Write the images and the captions JSON into the empty folder ``root``."""
    images, annotations = [], []
    for image_id, oid, domain, captions in IMAGES:
        draw_image(root / "val" / f"{oid}.jpg", seed=("nocaps", oid))
        images.append({"id": image_id, "open_images_id": oid, "height": 32, "width": 32,
                       "coco_url": f"https://s3.amazonaws.com/nocaps/val/{oid}.jpg",
                       "file_name": f"{oid}.jpg", "license": 2, "date_captured": "2018-11-06 11:04:33",
                       "domain": domain})
        annotations += [{"image_id": image_id, "id": 10 * image_id + k, "caption": caption}
                        for k, caption in enumerate(captions)]
    document = {"licenses": [{"url": "http://creativecommons.org/licenses/by/2.0/", "id": 2,
                              "name": "Attribution License"}],
                "info": {"url": "https://nocaps.org", "year": 2018, "version": "0.1",
                         "description": "nocaps validation dataset"},
                "images": images, "annotations": annotations}
    write_text(root / "nocaps_val_4500_captions.json", json.dumps(document))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
