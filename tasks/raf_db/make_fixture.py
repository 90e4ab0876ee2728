"""The RAF-DB fixture: the ``basic`` subset's label list, original images and manual attributes.

``EmoLabel/list_patition_label.txt`` (sic) has lines ``<name>.jpg <emotion 1-7>``; each image has
``Annotation/manual/<stem>_manu_attri.txt`` with five landmark lines (``x<TAB>y``) and then the gender,
race and age-group codes; aligned crops sit beside the originals, unread.
Run: ``.venv/bin/python tasks/raf_db/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

# (stem, emotion 1-7, gender, race, age group)
FACES = [("train_00001", 5, 0, 0, 2), ("train_04443", 5, 0, 2, 1), ("train_07012", 4, 1, 1, 3),
         ("test_0001", 7, 2, 0, 4)]


def make_fixture(root: Path) -> None:
    """Write the label list, images and attribute files into the empty folder ``root``."""
    for index, (stem, _, gender, race, age) in enumerate(FACES):
        draw_image(root / "Image" / "original" / f"{stem}.jpg", seed=("raf_db", stem), size=(18, 27),
                   shape="ellipse")
        draw_image(root / "Image" / "aligned" / f"{stem}_aligned.jpg", seed=("raf_db_aligned", stem),
                   size=(20, 20), shape="ellipse")
        marks = "".join(f"{30.5 + i + index}\t{40.25 + 2 * i}\n" for i in range(5))
        write_text(root / "Annotation" / "manual" / f"{stem}_manu_attri.txt",
                   f"{marks}{gender}\n{race}\n{age}\n")
    write_text(root / "EmoLabel" / "list_patition_label.txt",
               "".join(f"{stem}.jpg {emotion}\n" for stem, emotion, *_ in FACES))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
