"""The Visual7W telling fixture: ``dataset_v7w_telling.json`` and ``images/v7w_<image_id>.jpg``.

The first pair is the released sample (image 2347934, qa 517238: "What is green on the plate?",
answer "Garnish.", wrong answers Salad./Broccoli./Tomato.); the others are invented in the same shape,
including one image of the val split that the train task does not read.
Run: ``.venv/bin/python tasks/visual7w/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate, write_json

# image id -> (split, [(qa_id, type, question, answer, wrong answers)])
IMAGES = {
    2347934: ("train", [
        (517238, "what", "What is green on the plate?", "Garnish.", ["Salad.", "Broccoli.", "Tomato."]),
        (517239, "where", "Where is the fork?", "On the plate.",
         ["On the table.", "In the cup.", "On the floor."]),
        (517240, "how", "How many plates are there?", "One.", ["Two.", "Three.", "Four."]),
    ]),
    2405437: ("train", [
        (88101, "who", "Who is riding the horse?", "A woman.", ["A man.", "A child.", "Nobody."]),
        (88102, "when", "When was the photo taken?", "Daytime.", ["Night.", "Dusk.", "Dawn."]),
    ]),
    2319311: ("val", [
        (602112, "why", "Why is the man wearing a helmet?", "For safety.",
         ["For fun.", "It is cold.", "To work."]),
    ]),
}


def make_fixture(root: Path) -> None:
    """Write the annotation file and ``images/`` into the empty folder ``root``."""
    write_json(root / "dataset_v7w_telling.json", {"images": [
        {"image_id": image_id, "filename": f"v7w_{image_id}.jpg", "split": split, "qa_pairs": [
            {"qa_id": qa_id, "image_id": image_id, "question": question, "answer": answer,
             "multiple_choices": wrong, "type": kind}
            for qa_id, kind, question, answer, wrong in qas]}
        for image_id, (split, qas) in IMAGES.items()]})
    draw_images(root / "images", [f"v7w_{image_id}.jpg" for image_id in sorted(IMAGES)])


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
