"""The SemArt fixture: ``semart_train.csv`` (tab-separated, latin-1) and ``Images/<file>``.

Five rows: the five released paintings, in the real column order, each with its released value
(description of 18223, shortened; school of 32745; technique of 04993; timeframe of 42258; type
of 13037); the other cells are stand-ins. Non-ASCII letters (Descripción, Sigüenza) are written
as latin-1 bytes, and an HTML entity (``&#38;``) is kept as the real file has it.
Run: ``.venv/bin/python tasks/semart/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

HEADER = ["IMAGE_FILE", "DESCRIPTION", "AUTHOR", "TITLE", "TECHNIQUE", "DATE", "TYPE", "SCHOOL",
          "TIMEFRAME"]
ROWS = [
    ["18223-0404grec.jpg",
     "The earliest reference to the painting appears in Francisco de los Santos, Descripción . . . del "
     "Escorial, published in 1657, when it was in the sacristy of the Pantheon. It is strangely not "
     "mentioned by Sigüenza in his description of the Escorial &#38; its paintings.",
     "GRECO, El", "Adoration of the Name of Jesus", "Oil on canvas, 140 x 110 cm", "c. 1578",
     "religious", "Spanish", "1551-1600"],
    ["32745-wedding.jpg", "A wedding feast in a village square.", "LE NAIN, Louis", "The Wedding",
     "Oil on canvas, 60 x 80 cm", "1640s", "genre", "French", "1601-1650"],
    ["04993-frederic.jpg", "A portrait of a duke in profile.", "BOTTICELLI, Sandro", "Portrait of Frederic",
     "Tempera and gold on paper, mounted on wood, 23 x 16 cm", "c. 1480", "portrait", "Italian",
     "1451-1500"],
    ["42258-0503vela.jpg", "A court portrait of a young prince.", "VELÁZQUEZ, Diego", "Prince Baltasar",
     "Oil on canvas, 209 x 173 cm", "1635", "portrait", "Spanish", "1601-1650"],
    ["13037-cupid.jpg", "Cupid sharpens his arrow by a stream.", "BOUCHER, François", "Cupid",
     "Oil on canvas, 90 x 70 cm", "1750", "mythological", "French", "1701-1750"],
]


def make_fixture(root: Path) -> None:
    """Write the CSV (latin-1, tab-separated) and one small image per row into ``root``."""
    lines = ["\t".join(HEADER)] + ["\t".join(row) for row in ROWS]
    (root / "semart_train.csv").write_bytes(("\n".join(lines) + "\n").encode("latin-1"))
    for row in ROWS:
        draw_image(root / "Images" / row[0], seed=row[0])


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
