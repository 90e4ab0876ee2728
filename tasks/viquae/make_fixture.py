"""The ViQuAE fixture: ``train.jsonl`` and ``images/<file name>``.

Four questions, keys as in the real file; the first two are the released samples (their alias
lists invented around the released answers). Two questions share one image, as real ones do, and
one image name has parentheses and a comma.
Run: ``.venv/bin/python tasks/viquae/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

# image, question, original answer, aliases, wikidata id
QUESTIONS = [
    ("512px-Korea-Jejudo-Hallasan-04.jpg", "this mountain is the highest point in which country?",
     "South Korea", ["South Korea", "Republic of Korea", "Nam Chosun", "ROK"], "Q884"),
    ("512px-Penelope_Painter_ARV_1300_1_Odysseus_killing_the_suitors_(05).jpg",
     "Who was the sorceress who turned him into swine?", "Circe",
     ["Circe", "Kirke", "Circean poison"], "Q181567"),
    ("512px-Jackie_Wilson.png",
     "this singer's re-issued song became the UK Christmas number one after helping to advertise "
     "what brand?", "Levi's", ["Levi's", "Levi Strauss"], "Q214582"),
    ("512px-Jackie_Wilson.png", "in which city was this singer born?", "Detroit",
     ["Detroit", "Detroit, Michigan"], "Q214582"),
    ("512px-Eiffel_Tower,_Paris_(2019).jpg", "in which year was this tower completed?", "1889",
     ["1889"], "Q243"),
]


def line(number: int, image: str, question: str, original: str, aliases: list[str], qid: str) -> str:
    """One KILT-style question; ids and provenance are plausible constants."""
    return json.dumps({
        "id": f"tcqa_{number}", "image": image, "input": question, "kilt_id": f"tcqa_{number}",
        "meta": {}, "original_question": question,
        "output": {"original_answer": original, "answer": aliases, "provenance": []},
        "url": f"https://upload.wikimedia.org/wikipedia/commons/thumb/{image}", "wikidata_id": qid,
    }) + "\n"


def make_fixture(root: Path) -> None:
    """Write train.jsonl and one picture per distinct image into the empty folder ``root``."""
    for image in sorted({q[0] for q in QUESTIONS}):
        draw_image(root / "images" / image, seed=("viquae", image))
    write_text(root / "train.jsonl", "".join(line(n, *q) for n, q in enumerate(QUESTIONS)))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
