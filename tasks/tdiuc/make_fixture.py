"""The TDIUC fixture: train2014 questions and annotations (VQA format, one answer each) and the images.

Three questions of each of the eleven types the release uses, plus one ``absurd`` question (no task
reads it). The first question of each type is its released sample (question id, image id, question,
answer); ``Are there any couches in the photo?`` is the real record quoted by MultiInstruct's
preprocessor; the rest are invented in the same shape. TDIUC's setup fills ``Images/train2014`` with
the COCO 2014 images (a link to a COCO tree works as well).
Run: ``.venv/bin/python tasks/tdiuc/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate, write_json

# (question_type, image_id, question_id, question, answer)
ROWS = [
    ("object_presence", 279377, 10088548, "Are there any animals in the photo?", "yes"),
    ("object_presence", 5277, 10026521, "Are there any couches in the photo?", "no"),
    ("object_presence", 23812, 10026530, "Is there a bicycle in the picture?", "no"),
    ("sport_recognition", 285811, 20022648, "What sport will the man be doing?", "surfing"),
    ("sport_recognition", 5277, 20022650, "What sport is being played?", "tennis"),
    ("sport_recognition", 399392, 20022651, "What game is this?", "baseball"),
    ("color", 23812, 20018097, "What color is the umbrella primarily?", "orange"),
    ("color", 279377, 10088560, "What color is the giraffe?", "brown"),
    ("color", 186524, 20018100, "What color is the plate?", "white"),
    ("counting", 226705, 10477839, "How many people can be seen?", "one"),
    ("counting", 279377, 10088561, "How many animals are there?", "two"),
    ("counting", 399392, 10477840, "How many knives are in the picture?", "zero"),
    ("attribute", 244589, 30131024, "What is the wall of the tub made of?", "tile"),
    ("attribute", 186524, 30131030, "What shape is the cake?", "round"),
    ("attribute", 248945, 30131031, "What is the table made of?", "wood"),
    ("sentiment_understanding", 38256, 20045523, "Is this dog happy?", "yes"),
    ("sentiment_understanding", 267502, 20045530, "Is the girl sad?", "no"),
    ("sentiment_understanding", 285811, 20045531, "Does the man look happy?", "yes"),
    ("scene_recognition", 248945, 10581316, "Is this indoor or outdoor?", "indoor"),
    ("scene_recognition", 285811, 10581320, "What room is this?", "beach"),
    ("scene_recognition", 244589, 10581321, "What room is shown?", "bathroom"),
    ("activity_recognition", 267502, 30071030, "What is the girl doing?", "eating"),
    ("activity_recognition", 38256, 30071031, "What is the dog doing?", "running"),
    ("activity_recognition", 226705, 30071032, "What is the person doing?", "skiing"),
    ("object_recognition", 395424, 20049000, "What animal is this?", "elephant"),
    ("object_recognition", 38256, 20049001, "What kind of animal is shown?", "dog"),
    ("object_recognition", 186524, 20049002, "What is on the plate?", "cake"),
    ("positional_reasoning", 186524, 10288085, "What is to the right of cake?", "fork"),
    ("positional_reasoning", 248945, 10288090, "What is on the table?", "laptop"),
    ("positional_reasoning", 244589, 10288091, "What is next to the tub?", "toilet"),
    ("utility_affordance", 399392, 50000528, "What is the man chopping?", "garlic"),
    ("utility_affordance", 23812, 50000530, "What can the umbrella be used for?", "shade"),
    ("utility_affordance", 226705, 50000531, "What object can be used to cut?", "knife"),
    ("absurd", 395424, 10088570, "What color is the surfboard?", "doesnotapply"),
]


def make_fixture(root: Path) -> None:
    """Write ``Questions/``, ``Annotations/`` and ``Images/train2014/`` into the empty folder ``root``."""
    write_json(root / "Questions" / "OpenEnded_mscoco_train2014_questions.json", {"questions": [
        {"image_id": image_id, "question": text, "question_id": qid}
        for _, image_id, qid, text, _ in ROWS]})
    write_json(root / "Annotations" / "mscoco_train2014_annotations.json", {"annotations": [
        {"question_type": kind, "image_id": image_id, "ans_source": "generation",
         "answers": [{"answer": answer, "answer_confidence": "yes", "answer_id": 1}], "question_id": qid}
        for kind, image_id, qid, _, answer in ROWS]})
    draw_images(root / "Images" / "train2014",
                sorted({f"COCO_train2014_{row[1]:012d}.jpg" for row in ROWS}))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
