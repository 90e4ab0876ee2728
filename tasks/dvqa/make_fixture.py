"""The DVQA fixture: ``qa/train_qa.json`` and ``images/bar_train_<id>.png`` as the archives unpack.

Four RGBA charts with two to three questions each, in file order as the real list has them (all
questions of an image together), the released questions among them; a val_easy file beside, unused.
Run: ``.venv/bin/python tasks/dvqa/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_json

QUESTIONS = {
    "bar_train_00000000.png": [("Does the chart contain any negative values?", "structure", "no"),
                               ("What is the label of the first bar from the left?", "data", "heat"),
                               ("Which bar has the largest value?", "reasoning", "heat")],
    "bar_train_00048307.png": [("Is each bar a single solid color without patterns?", "structure", "no"),
                               ("How many bars are there?", "structure", "three")],
    "bar_train_00192027.png": [("Are the values in the chart presented in a percentage scale?", "structure",
                                "yes"),
                               ("Which object is the least preferred?", "reasoning", "wit")],
    "bar_train_00200000.png": [("What is the value of the largest bar?", "data", "8"),
                               ("How many objects are preferred by more than 6 percent of people?",
                                "reasoning", "one")],
}


def make_fixture(root: Path) -> None:
    """Write the charts and the QA list into the empty folder ``root``."""
    qa: list[dict[str, object]] = []
    for image, questions in QUESTIONS.items():
        draw_image(root / "images" / image, seed=("dvqa", image), mode="RGBA")
        for question, template, answer in questions:
            qa.append({"question": question, "question_id": len(qa) + 1, "template_id": template,
                       "answer": answer, "image": image, "answer_bbox": [] if template != "data" else
                       [142.4, 355.9, 59.1, 59.1]})
    write_json(root / "qa" / "train_qa.json", qa)
    write_json(root / "qa" / "val_easy_qa.json", [])


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
