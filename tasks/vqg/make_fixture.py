"""The VQG fixture: ``{bing,coco,flickr}_train_all.csv`` and img2dataset's ``images/`` output.

Four images; the released question ("What was being delivered?", item 0 of a Bing image) and caption
("Exterior of a brown house", item 4 of another) are in place, the other texts are stand-ins. Rows
carry fewer items than VQG's five so each task stays within ten records. ``images/`` is what
img2dataset's ``files`` output writes for the ``image_url`` column, less the ``.parquet`` stats.
Run: ``.venv/bin/python tasks/vqg/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from visionflan_core.readers.img2dataset import write_files_output
from visionflan_core.testing import draw_image, regenerate, write_text

HEADER = ["image_id", "image_url", "questions", "captions", "ratings"]
FILES = {
    "bing_train_all.csv": [
        ("4acbd431-5b8c-47d3-a2d7-c6557fcbb373", "http://tse1.mm.bing.net/th?id=OIP.M4acbd431",
         ["What was being delivered?", "Who is the driver?", "Where is the truck going?"],
         ["A delivery truck parked on a street", "A white van by the curb"]),
        ("4aa1abff-0c6d-4214-acaf-72ad68519c4c", "http://tse2.mm.bing.net/th?id=OIP.M4aa1abff",
         ["Who lives in this house?", "Is this house for sale?"],
         ["A house with a porch", "A two story home", "A brown house in autumn", "A house and a lawn",
          "Exterior of a brown house"]),
    ],
    "coco_train_all.csv": [
        ("262148", "http://farm5.staticflickr.com/4090/5011213390_ab1c2d3e4f_z.jpg",
         ["What game is being played?"], ["A group of people playing frisbee"]),
    ],
    "flickr_train_all.csv": [
        ("d7e6f5a4-1b2c-4d3e-8f90-0a1b2c3d4e5f", "https://farm8.staticflickr.com/7354/9032461208_0ab1c2d3e4_z.jpg",
         ["Why is the dog wet?", "What is the dog chasing?"], ["A dog running out of a lake"]),
    ],
}


def _csv(rows: list[tuple[str, str, list[str], list[str]]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for image_id, url, questions, captions in rows:
        ratings = "---".join("3" for _ in questions)
        writer.writerow([image_id, url, "---".join(questions), "---".join(captions), ratings])
    return out.getvalue()


def make_fixture(root: Path) -> None:
    """Write the CSV files and the downloaded images into the empty folder ``root``."""
    urls: list[dict[str, object]] = []
    for name, rows in FILES.items():
        write_text(root / name, _csv(rows))
        urls += [{"url": url} for _, url, _, _ in rows]
    write_files_output(root / "images", urls, lambda path, key: draw_image(path, seed=("vqg", key)))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
