"""The SCUT-CTW1500 fixture: three test images and their transcription label files.

Layout as the test image and test label archives unpack (``test_images/``,
``ctw1500_test_labels/000<nnnn>.txt``). Images 1341 and 1181 carry the texts of the two released
Vision-Flan samples (1181's from data.json); 1002 (whose text holds a comma: only the ``####``
marker splits a line) and every polygon are invented; each file has a ``###`` don't-care line.
Run: ``.venv/bin/python tasks/scut_ctw1500/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate, write_text

TEXTS: dict[str, list[str]] = {
    "1002": ["###", "GRAND, OPENING", "SALE"],
    "1181": ["CHESAPEAKE BAY'S FINEST", "FREH FISH DAILY", "CAPTAIN", "WHITE", "###", "FA",
             "MP & LOBSTER JUMBO CRABS CO", "CRA"],
    "1341": ["Christmas", "###", "Happy"],
}


def polygon(number: int) -> str:
    """14 points along a gentle curve, one instance below the other."""
    top = 10 + 30 * number
    points = [(20 + 15 * i, top + abs(7 - i)) for i in range(7)]
    points += [(x, y + 20) for x, y in reversed(points)]
    return ",".join(f"{x},{y}" for x, y in points)


def make_fixture(root: Path) -> None:
    """Write one label file and one JPEG per image."""
    for stem, texts in TEXTS.items():
        lines = "".join(f"{polygon(n)},####{text}\n" for n, text in enumerate(texts))
        write_text(root / "ctw1500_test_labels" / f"000{stem}.txt", lines)
    draw_images(root / "test_images", sorted(f"{stem}.jpg" for stem in TEXTS))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
