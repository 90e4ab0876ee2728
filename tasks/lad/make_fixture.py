"""The LAD fixture: ``LAD_annotations/*.txt`` and ``LAD_images/<super-class>/<class>/<md5>.jpg``.

Two super-classes cut down to a few classes and attributes; the touring car's positive attributes
start the released target (ddffad6fde5a83d7348e789b8d6285b4.jpg). The attribute names keep the
full-width and maths characters of the release (＞, ≤). The images.txt box file is written as well.
Run: ``.venv/bin/python tasks/lad/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

LABELS = [("Label_A_01", "leopard", "豹"), ("Label_V_03", "touring car", "旅行车")]
ATTRIBUTES = [
    ("Attr_A_001", "is spotted", "有斑点"), ("Attr_A_002", "has four legs", "四条腿"),
    ("Attr_A_003", "lives in the forest", "生活在森林"),
    ("Attr_V_001", "is white", "白色"), ("Attr_V_002", "is big (compared to cars)", "大（与汽车相比）"),
    ("Attr_V_003", "weighs tons", "重数吨"),
    ("Attr_V_004", "can carry a small number (≤10) of passengers", "可载少量（≤10）乘客"),
    ("Attr_V_005", "can carry a large quantity (＞ 1 tons) of goods", "可载大量（＞1吨）货物"),
]
# (label id, image path below LAD_images, positive attribute ids)
IMAGES = [
    ("Label_V_03", "vehicles/touring car/ddffad6fde5a83d7348e789b8d6285b4.jpg",
     {"Attr_V_001", "Attr_V_002", "Attr_V_003", "Attr_V_004", "Attr_V_005"}),
    ("Label_A_01", "animals/leopard/0a1b2c3d4e5f60718293a4b5c6d7e8f9.jpg",
     {"Attr_A_001", "Attr_A_002", "Attr_A_003"}),
    ("Label_V_03", "vehicles/touring car/5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b.jpg",
     {"Attr_V_002", "Attr_V_004"}),
]


def make_fixture(root: Path) -> None:
    """Write the lists, the attribute vectors and the images into the empty folder ``root``."""
    notes = root / "LAD_annotations"
    write_text(notes / "label_list.txt", "".join(", ".join(row) + "\n" for row in LABELS))
    write_text(notes / "attribute_list.txt", "".join(", ".join(row) + "\n" for row in ATTRIBUTES))
    vectors, boxes = [], []
    for number, (label, path, positive) in enumerate(IMAGES):
        draw_image(root / "LAD_images" / path, seed=("lad", path), size=(40, 30))
        values = " ".join("1" if a[0] in positive else "0" for a in ATTRIBUTES)
        vectors.append(f"{label}, {path}, [ {values} ]\n")
        boxes.append(f"{label}_{number + 1:04d}, {label}, 2, 3, 27, 37, {path}\n")
    write_text(notes / "attributes.txt", "".join(vectors))
    write_text(notes / "images.txt", "".join(boxes))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
