"""The MEMOTION fixture: ``memotion_dataset_7k/labels.csv`` and ``images/`` as the 7k release unpacks.

The CSV has the release's unnamed index column, quoted cells, one cell spanning two lines and
mixed image extensions (jpg, png, JPG), the released image_5624.jpg among them.
Run: ``.venv/bin/python tasks/memotion/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

HEADER = ["", "image_name", "text_ocr", "text_corrected", "humour", "sarcasm", "offensive",
          "motivational", "overall_sentiment"]
ROWS = [
    ["0", "image_1.jpg", "LOOK THERE MY FRIEND LIGHTYEAR NOW ALL SOHALIKUT TREND PLAY THE 10 YEARS CHALLENGE",
     "LOOK THERE MY FRIEND LIGHTYEAR NOW ALL SOHALIKUT TREND PLAY THE 10 YEARS CHALLENGE",
     "hilarious", "general", "not_offensive", "not_motivational", "very_positive"],
    ["1", "image_2.jpeg",
     "The best of #10 YearChallenge!\nCompleted in less the 4 years. Kudus to @narendramodi ji",
     "The best of #10 YearChallenge! Completed in less the 4 years. Kudus to @narendramodi ji",
     "not_funny", "general", "not_offensive", "motivational", "very_positive"],
    ["2", "image_3.JPG", "Sam Thorne @Strippin ( Follow ) Follow Everyone is Taking the #10yearchallenge",
     "Sam Thorne @Strippin ( Follow ) Follow Everyone is Taking the #10yearchallenge",
     "very_funny", "not_sarcastic", "not_offensive", "not_motivational", "positive"],
    ["5623", "image_5624.jpg", "THIS GIRLS HOT AND LIKES HITLER MEMES makeameme.org",
     "This girl's hot and likes Hitler memes", "funny", "general", "slight", "not_motivational", "neutral"],
    ["6990", "image_6991.png", "When you're so hungry you order two Krabby Patties",
     "When you're so hungry you order two Krabby Patties", "funny", "twisted_meaning", "not_offensive",
     "not_motivational", "neutral"],
]


def make_fixture(root: Path) -> None:
    """Write ``labels.csv`` and one image per row into the empty folder ``root``."""
    base = root / "memotion_dataset_7k"
    for row in ROWS:
        draw_image(base / "images" / row[1], seed=("memotion", row[1]), size=(30, 40))
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows([HEADER, *ROWS])
    write_text(base / "labels.csv", text.getvalue())


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
