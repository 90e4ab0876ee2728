"""The Visual Genome QA fixture: ``question_answers.json`` and images in ``VG_100K/`` and ``VG_100K_2/``.

The first pair is the released sample (image 2389998, qa 1421695, "What is on the pizza?" / "Ham.");
the others are invented in the same shape, one of them without the usual final period and one image
in the second archive's folder.
Run: ``.venv/bin/python tasks/visual_genome/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate, write_json

# image id -> (folder, [(qa_id, question, answer)])
IMAGES = {
    2389998: ("VG_100K", [
        (1421695, "What is on the pizza?", "Ham."),
        (1421696, "Where is the pizza?", "On the table."),
        (1421697, "What color is the plate?", "White"),
    ]),
    2415090: ("VG_100K_2", [
        (2907721, "Who is holding the umbrella?", "A woman."),
        (2907722, "When was the photo taken?", "Daytime."),
    ]),
}


def make_fixture(root: Path) -> None:
    """Write ``question_answers.json`` and the two image folders into the empty folder ``root``."""
    write_json(root / "question_answers.json", [
        {"id": image_id, "qas": [
            {"a_objects": [], "question": question, "image_id": image_id, "qa_id": qa_id,
             "answer": answer, "q_objects": []}
            for qa_id, question, answer in qas]}
        for image_id, (_, qas) in IMAGES.items()])
    for image_id, (folder, _) in IMAGES.items():
        draw_images(root / folder, [f"{image_id}.jpg"])


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
