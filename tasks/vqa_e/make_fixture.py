"""The VQA-E fixture: ``VQA-E_train_set.json`` (a JSON list) and COCO 2014 images under ``train2014/``.

Two entries carry what the release shows (image 355487 with its explanation, trailing space included;
image 467799 with its question and answer); the rest, and the keys not read (``answers``,
``answer_type``, ``question_type``), are invented in the documented shape.
Run: ``.venv/bin/python tasks/vqa_e/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate, write_json

# (img_id, question, multiple_choice_answer, answer_type, explanation text, score)
ROWS = [
    (355487, "Are the people talking?", "yes", "yes/no",
     "there are two people that are seated at the table talking ", 0.78),
    (467799, "How many players are there?", "3", "number",
     "three players are standing on a baseball field", 0.83),
    (467799, "What sport is this?", "baseball", "other",
     "a baseball player is swinging a bat at a ball", 0.71),
    (139, "What color is the couch?", "brown", "other",
     "a living room with a brown couch and a television", 0.66),
    (285, "Is the bear standing?", "no", "yes/no",
     "a large brown bear sitting in the grass", 0.69),
]


def make_fixture(root: Path) -> None:
    """Write the annotation list and ``train2014/`` into the empty folder ``root``."""
    write_json(root / "VQA-E_train_set.json", [
        {"img_id": image_id, "question": question, "question_type": " ".join(question.split()[:2]).lower(),
         "answer_type": answer_type, "multiple_choice_answer": answer, "answers": [answer] * 10,
         "explanation": [text, score]}
        for image_id, question, answer, answer_type, text, score in ROWS])
    draw_images(root / "train2014", sorted({f"COCO_train2014_{row[0]:012d}.jpg" for row in ROWS}))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
