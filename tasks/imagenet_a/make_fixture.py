"""The ImageNet-A fixture: ``imagenet-a/<wnid>/<file>.jpg`` and the archive's README.txt.

Real layout: one folder per WordNet id (200); file names carry a score and a model's predictions with
spaces (``0.002072_Rottweiler _ barn_0.7930856.jpg``, a released sample's name).
Run: ``.venv/bin/python tasks/imagenet_a/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

IMAGES = [
    "n01820546/0.002072_Rottweiler _ barn_0.7930856.jpg",
    "n02454379/0.000116_digital clock _ digital clock_0.865662.jpg",
    "n04509417/0.013950_bicycle-built-for-two _ tricycle_0.5112.jpg",
    "n09835506/0.000418_racket _ racket_0.6622.jpg",
]
README = "ImageNet-A: 7,500 natural adversarial examples of 200 ImageNet classes.\n"


def make_fixture(root: Path) -> None:
    """Write every image and a README into the empty folder ``root``."""
    for path in IMAGES:
        draw_image(root / "imagenet-a" / path, seed=("imagenet_a", path), size=(30, 30))
    write_text(root / "imagenet-a" / "README.txt", README)


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
