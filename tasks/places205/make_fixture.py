"""The Places205 fixture: the train list, images under the archive's long prefix, and IO_places365.txt.

``IO_places365.txt`` holds a few of the real file's lines; ``c/church/outdoor`` is left out of it on
purpose, to exercise the sub-level fallback.
Run: ``.venv/bin/python tasks/places205/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

IMAGE_DIR = "data/vision/torralba/deeplearning/images256"
IO_LINES = ["/a/airfield 2", "/a/aquarium 1", "/b/bedroom 1", "/h/hospital 2", "/m/motel 2"]
# (category path, file stem, label index)
IMAGES = [
    ("a/aquarium", "gsun_46a2c5a1726626d0952b060428729d77", 4),
    ("a/airfield", "gsun_0a1b2c3d4e5f60718293a4b5c6d7e8f9", 1),
    ("b/bedroom", "gsun_ffeeddccbbaa99887766554433221100", 17),
    ("c/church/outdoor", "gsun_1234567890abcdef1234567890abcdef", 38),
    ("m/motel", "gsun_00112233445566778899aabbccddeeff", 121),
]


def make_fixture(root: Path) -> None:
    """Write the images, ``trainvalsplit_places205/train_places205.csv`` and ``IO_places365.txt``."""
    lines = []
    for category, stem, index in IMAGES:
        path = f"{category}/{stem}.jpg"
        draw_image(root / IMAGE_DIR / path, seed=("places205", path))
        lines.append(f"{path} {index}\n")
    write_text(root / "trainvalsplit_places205" / "train_places205.csv", "".join(lines))
    write_text(root / "IO_places365.txt", "".join(f"{line}\n" for line in IO_LINES))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
