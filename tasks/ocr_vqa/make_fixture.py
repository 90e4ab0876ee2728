"""The OCR-VQA fixture: ``dataset.json`` and two covers in ``images/``.

Layout as the Google-Drive ``dataset.json`` plus the covers ``loadDataset.py`` downloads (book id
plus the URL's suffix). Book 761183272 is the example entry quoted by mmpretrain's OCR-VQA loader;
the others are invented, one of them in the validation split (left out of the train task).
Run: ``.venv/bin/python tasks/ocr_vqa/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate, write_json

BOOKS: dict[str, dict[str, object]] = {
    "761183272": {
        "imageURL": "http://ecx.images-amazon.com/images/I/61Y5cOdHJbL.jpg",
        "questions": ["Who wrote this book?", "What is the title of this book?",
                      "What is the genre of this book?", "Is this a games related book?"],
        "answers": ["Sandra Boynton", "Mom's Family Wall Calendar 2016", "Calendars", "No"],
        "title": "Mom's Family Wall Calendar 2016", "authorName": "Sandra Boynton",
        "genre": "Calendars", "split": 1,
    },
    "1416556028": {
        "imageURL": "http://ecx.images-amazon.com/images/I/51PqcJtDaXL.jpg",
        "questions": ["Who is the author of this book?", "Is this a religious book?"],
        "answers": ["Anna Tells", "Yes"],
        "title": "Quiet Mornings", "authorName": "Anna Tells",
        "genre": "Christian Books & Bibles", "split": 1,
    },
    "0307588378": {
        "imageURL": "http://ecx.images-amazon.com/images/I/41rN6v3tBRL.jpg",
        "questions": ["What type of book is this?"], "answers": ["Cookbooks, Food & Wine"],
        "title": "Soups", "authorName": "M. Cook", "genre": "Cookbooks, Food & Wine", "split": 2,
    },
}


def make_fixture(root: Path) -> None:
    """Write dataset.json and one small JPEG cover per training book."""
    write_json(root / "dataset.json", BOOKS)
    draw_images(root / "images", sorted(f"{book}.jpg" for book, raw in BOOKS.items()
                                        if raw["split"] == 1))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
