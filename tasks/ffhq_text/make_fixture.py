"""The FFHQ-Text fixture: ``Image/<id>.png`` and ``Text/<id>.txt`` (nine lines per face).

Three faces; 00936's nine lines are the sentences of the released target. The real images are
1024x1024 PNG; these are tiny. The Train/Test pickles and the two index text files are not
written (the reader does not use them).
Run: ``.venv/bin/python tasks/ffhq_text/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

FACES = {
    "00936": [
        "This woman turns her face towards the front side.",
        "This girl is about 15 to 20 years old and has big brown eyes with double eyelids, bushy flat "
        "eyebrows and medium white to olive skin.",
        "A woman has bushy, medium flat eyebrows, brown eyes with double eyelids and a square face.",
        "This girl has a medium flat nose, a big natural mouth opened and a heart-shaped face.",
        "This woman is about 25 to 32 years old with long wavy brown hair cover up ears, square shape "
        "face and olive skin.",
        "This woman has small brown eyes with double eyelids, thick flat eyebrows, a big vegetable nose "
        "and a big natural mouth opened.",
        "A girl with a heart-shaped face, olive freckled skin and medium wavy cape blond hair cover up "
        "ears.",
        "A woman has medium wavy cape brown hair cover up ears and medium white to olive skin.",
        "The girl has a heart-shaped face with a medium flat nose, big glamour mouth opened, narrow "
        "brown eyes with long eyelashes, bushy thick soft-angled eyebrows and medium cape brown hair "
        "cover up ears.",
    ],
    "00012": [
        "This woman looks to the left side.",
        "The woman is about 38 to 43 years old and wears glasses.",
        "She has short straight black hair and an oval face.",
    ],
    "01524": [
        "The girl faces the front.",
        "This girl is about 8 to 13 years old with long straight blond hair.",
        "She has a small nose and a small smiling mouth.",
    ],
}


def make_fixture(root: Path) -> None:
    """Write the faces and their descriptions into the empty folder ``root``."""
    for number, lines in FACES.items():
        draw_image(root / "Image" / f"{number}.png", seed=("ffhq_text", number), shape="ellipse")
        write_text(root / "Text" / f"{number}.txt", "\n".join(lines) + "\n")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
