"""The ExpW fixture: ``label/label.lst`` and the full photos in ``image/origin/``.

``label.lst`` has no header and one space-separated line per face: image name, face index in the
photo, face box top, left, right, bottom, detector confidence and expression code 0-6; one photo
holds two faces, as many ExpW photos do.
Run: ``.venv/bin/python tasks/expw/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

FACES = [("angry_actor_104.jpg", 0, 3), ("astound_wife_170.jpg", 0, 3), ("astound_wife_170.jpg", 1, 5),
         ("sad_grandfather_12.jpg", 0, 4), ("calm_teacher_33.jpg", 0, 6)]


def make_fixture(root: Path) -> None:
    """Write the photos and the face list into the empty folder ``root``."""
    for name in sorted({face[0] for face in FACES}):
        draw_image(root / "image" / "origin" / name, seed=("expw", name), size=(24, 32), shape="ellipse")
    lines = [f"{name} {face} {4 + face} {3 + face} {15 + face} {20 + face} {60.5 + face} {code}\n"
             for name, face, code in FACES]
    write_text(root / "label" / "label.lst", "".join(lines))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
