"""The NABirds fixture: the lists of the ``nabirds/`` folder, its parts lists and a few images.

Ids are dashed UUIDs; file names are the same UUIDs without dashes (the real quirk). One image has no
visible part. Run: ``.venv/bin/python tasks/nabirds/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

PARTS = ["bill", "crown", "nape", "left eye", "right eye", "belly", "breast", "back", "tail", "left wing",
         "right wing"]
CLASSES = {"37": "Barn Owl", "46": "Pied-billed Grebe", "817": "Northern Cardinal (Adult Male)",
           "900": "Mallard (Female/Eclipse male)"}
# (image uuid, class id, visible part ids)
IMAGES = [
    ("0000139e-21dc-4d0c-bfe1-4cae3c85c829", "817", [0, 1, 2, 3, 5, 6, 8]),
    ("282fc194-de9a-41e2-b952-e6fb9feaa3ed", "37", [0, 1, 2, 4, 5, 6, 7, 8, 9]),
    ("5c6d6e1f-0a2b-4c3d-9e8f-7a6b5c4d3e2f", "900", []),
    ("931336a9-3d39-4745-b20f-6d44c5ff6e86", "46", [0, 3, 6, 7, 10]),
    ("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "46", [1, 2, 7, 8, 9, 10]),
]


def make_fixture(root: Path) -> None:
    """Write ``root/nabirds``: images, images.txt, labels, classes, split and the parts lists."""
    base = root / "nabirds"
    paths = {uuid: f"{int(c):04d}/{uuid.replace('-', '')}.jpg" for uuid, c, _ in IMAGES}
    for uuid, path in paths.items():
        draw_image(base / "images" / path, seed=("nabirds", uuid))
    write_text(base / "images.txt", "".join(f"{u} {paths[u]}\n" for u, _, _ in IMAGES))
    write_text(base / "image_class_labels.txt", "".join(f"{u} {c}\n" for u, c, _ in IMAGES))
    write_text(base / "train_test_split.txt", "".join(f"{u} {n % 2}\n" for n, (u, _, _) in enumerate(IMAGES)))
    write_text(base / "classes.txt", "".join(f"{k} {v}\n" for k, v in CLASSES.items()))
    write_text(base / "parts" / "parts.txt", "".join(f"{n} {name}\n" for n, name in enumerate(PARTS)))
    write_text(base / "parts" / "part_locs.txt", "".join(
        f"{u} {p} {10 + p if p in seen else 0} {12 + p if p in seen else 0} {int(p in seen)}\n"
        for u, _, seen in IMAGES for p in range(len(PARTS))))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
