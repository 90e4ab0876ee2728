"""The DeepFashion fixture: ``img_highres/<Product_Title_Folder>/img_<8 digits>.jpg`` and a list file.

The tree of Img/img_highres.zip: four product-title folders (the released Abstract_Mirrored_Print_Dress
with img_00000061.jpg; titles with hyphens as real ones have), file names repeating across folders as
they do, and Anno/list_category_img.txt in its real shape (count line, header line, rows), unused.
Run: ``.venv/bin/python tasks/deepfashion/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

IMAGES = [
    ("Abstract_Mirrored_Print_Dress/img_00000061.jpg", 41),
    ("Sheer_Pleated-Front_Blouse/img_00000001.jpg", 3),
    ("Sheer_Pleated-Front_Blouse/img_00000002.jpg", 3),
    ("Tribal_Pattern_Cardigan/img_00000014.jpg", 20),
    ("Zip-Front_Denim_Jacket/img_00000001.jpg", 11),
]


def make_fixture(root: Path) -> None:
    """Write the images and the category list into the empty folder ``root``."""
    for path, _ in IMAGES:
        draw_image(root / "img_highres" / path, seed=("deepfashion", path), size=(30, 40))
    rows = "".join(f"img/{path:<60}{category}\n" for path, category in IMAGES)
    write_text(root / "Anno" / "list_category_img.txt", f"{len(IMAGES)}\nimage_name  category_label\n{rows}")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
