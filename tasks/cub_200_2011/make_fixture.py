"""The CUB-200-2011 fixture: the class folders of the archive plus its id and class lists.

The file names keep the real archive's quirk: the folder is ``071.Long_tailed_Jaeger`` but its images
are ``Long_Tailed_Jaeger_<NNNN>_<id>.jpg``.
Run: ``.venv/bin/python tasks/cub_200_2011/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

# (image id, class id, class folder, file name)
IMAGES = [
    (1, 1, "001.Black_footed_Albatross", "Black_Footed_Albatross_0046_18.jpg"),
    (2, 1, "001.Black_footed_Albatross", "Black_Footed_Albatross_0009_34.jpg"),
    (3, 71, "071.Long_tailed_Jaeger", "Long_Tailed_Jaeger_0054_797088.jpg"),
    (4, 188, "188.Pileated_Woodpecker", "Pileated_Woodpecker_0004_180307.jpg"),
    (5, 189, "189.Red_bellied_Woodpecker", "Red_Bellied_Woodpecker_0032_180975.jpg"),
]


def make_fixture(root: Path) -> None:
    """Write the images and the four id lists of ``CUB_200_2011/`` into ``root``."""
    base = root / "CUB_200_2011"
    for _, _, folder, name in IMAGES:
        draw_image(base / "images" / folder / name, seed=("cub_200_2011", name))
    classes = sorted({(c, f) for _, c, f, _ in IMAGES})
    write_text(base / "classes.txt", "".join(f"{c} {f}\n" for c, f in classes))
    write_text(base / "images.txt", "".join(f"{i} {f}/{n}\n" for i, _, f, n in IMAGES))
    write_text(base / "image_class_labels.txt", "".join(f"{i} {c}\n" for i, c, _, _ in IMAGES))
    write_text(base / "train_test_split.txt", "".join(f"{i} {i % 2}\n" for i, _, _, _ in IMAGES))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
