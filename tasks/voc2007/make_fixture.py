"""The VOC2007 fixture: ``VOCdevkit/VOC2007/{Annotations,JPEGImages,ImageSets/Main}`` as the tars unpack.

Run: ``.venv/bin/python tasks/voc2007/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

# (image id, split, [(object name, difficult)]) in the XML's object order
IMAGES = [
    ("000005", "trainval", [("chair", 0), ("chair", 0), ("chair", 1), ("diningtable", 0)]),
    ("000007", "trainval", [("car", 0)]),
    ("000009", "trainval", [("horse", 0), ("person", 0), ("person", 1)]),
    ("009388", "test", [("tvmonitor", 0), ("chair", 0), ("bottle", 1), ("chair", 0)]),
]


def _xml(image_id: str, objects: list[tuple[str, int]]) -> str:
    body = "".join(
        f"\t<object>\n\t\t<name>{name}</name>\n\t\t<pose>Unspecified</pose>\n\t\t<truncated>0</truncated>\n"
        f"\t\t<difficult>{difficult}</difficult>\n\t\t<bndbox>\n\t\t\t<xmin>{4 + n}</xmin>\n"
        f"\t\t\t<ymin>{6 + n}</ymin>\n\t\t\t<xmax>{20 + n}</xmax>\n\t\t\t<ymax>{24 + n}</ymax>\n"
        "\t\t</bndbox>\n\t</object>\n"
        for n, (name, difficult) in enumerate(objects)
    )
    return (
        f"<annotation>\n\t<folder>VOC2007</folder>\n\t<filename>{image_id}.jpg</filename>\n"
        "\t<source>\n\t\t<database>The VOC2007 Database</database>\n\t</source>\n"
        "\t<size>\n\t\t<width>32</width>\n\t\t<height>32</height>\n\t\t<depth>3</depth>\n\t</size>\n"
        f"\t<segmented>0</segmented>\n{body}</annotation>\n"
    )


def make_fixture(root: Path) -> None:
    """Write each image, its XML annotation and the Main split lists into ``root``."""
    base = root / "VOCdevkit" / "VOC2007"
    splits: dict[str, list[str]] = {"trainval": [], "test": []}
    for image_id, split, objects in IMAGES:
        draw_image(base / "JPEGImages" / f"{image_id}.jpg", seed=("voc2007", image_id))
        write_text(base / "Annotations" / f"{image_id}.xml", _xml(image_id, objects))
        splits[split].append(f"{image_id}\n")
    for split, lines in splits.items():
        write_text(base / "ImageSets" / "Main" / f"{split}.txt", "".join(lines))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
