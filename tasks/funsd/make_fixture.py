"""The FUNSD fixture: ``dataset/training_data/{annotations,images}/`` for three forms.

Layout as dataset.zip unpacks (``testing_data/`` has the same shape). Form 0060173256 carries the
entity texts of the released Vision-Flan sample, in its order (two are empty, as released); the
other forms, and all labels, boxes, words and links, are invented.
Run: ``.venv/bin/python tasks/funsd/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate, write_json

LABELS = ("question", "answer", "header", "other")
FORMS: dict[str, list[str]] = {
    "0060173256": [
        "Description", "Displays", "BRANDS", "Adjustment", "Carlton", "Amount", "Displays",
        "31,000.00", "(31,000.00)", "Distribution:", "", "5/5", "", "0.00", "Date", "Date", "Date",
        "Date", "THE AMERICAN TOBACCO COMPANY", "APPROVED MARKETING PROJECT EXPENSE RECOMMENDATION",
        "S0002 Supp 2", "Private Stock", "Current Budget", "$ 7,569,000.00", "Revised Budget",
        "$ 7,569,000.00", "$ 0.00", "CAR- MMT- DSP", "PRV- MMT- DSP", "Prepared By:", "Approved By:",
        "Approved By:", "Prepared By:", "", "Accounting File", "Project No", "Offer Description",
        "Charge Code",
    ],
    "0000971160": ["TO:", "Dr. R. Smith", "DATE:", "March 3, 1994", "SUBJECT: Test results"],
    "82092117": ["FAX COVER SHEET", "Pages:", "3", ""],
}


def entity(number: int, text: str) -> dict[str, object]:
    """One ``form`` entry: a box per entity and one per word, as FUNSD annotates them."""
    top = 20 + 18 * number
    words = [{"text": word, "box": [40 + 60 * i, top, 95 + 60 * i, top + 14]}
             for i, word in enumerate(text.split())]
    return {"box": [40, top, 40 + 60 * max(len(words), 1), top + 14], "text": text,
            "label": LABELS[number % 4], "words": words,
            "linking": [[number, number + 1]] if number % 4 == 0 else [], "id": number}


def make_fixture(root: Path) -> None:
    """Write one annotation file and one greyscale scan per form."""
    split = root / "dataset" / "training_data"
    for name, texts in FORMS.items():
        write_json(split / "annotations" / f"{name}.json",
                   {"form": [entity(n, text) for n, text in enumerate(texts)]})
    draw_images(split / "images", sorted(f"{name}.png" for name in FORMS), mode="L")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
