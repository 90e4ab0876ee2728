"""The Conceptual Captions fixture: ``Train_GCC-training.tsv`` and img2dataset's ``images/`` output.

Four rows: the released caption with a Getty-style URL (no image suffix), two rows whose URLs end in
the same ``image.jpg`` (ids widened with the line number) and a plain one; captions are in CC3M's
lower-cased, hypernymised style. ``images/`` is what ``img2dataset --input_format tsv --url_col url
--caption_col caption --output_format files`` writes, less the ``.parquet`` stats.
Run: ``.venv/bin/python tasks/conceptualcaptions/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.readers.img2dataset import write_files_output
from visionflan_core.testing import draw_image, regenerate, write_text

ROWS = [
    ("actor arrives at the premiere .",
     "https://media.gettyimages.com/photos/actor-damson-idris-arrives-at-the-premiere-of-fxs-snowfall-"
     "at-the-at-picture-id801541154?s=612x612"),
    ("a small house in the forest", "http://static.example-blog.com/uploads/2016/05/image.jpg"),
    ("person on the beach at sunset", "https://i.example-photos.net/gallery/42/image.jpg"),
    ("the view from the top of mountain", "https://www.example-travel.org/img/view-from-the-top.png"),
]


def make_fixture(root: Path) -> None:
    """Write the TSV and the downloaded images into the empty folder ``root``."""
    write_text(root / "Train_GCC-training.tsv", "".join(f"{c}\t{u}\n" for c, u in ROWS))
    write_files_output(root / "images", [{"caption": c, "url": u} for c, u in ROWS],
                       lambda path, key: draw_image(path, seed=("conceptualcaptions", key)))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
