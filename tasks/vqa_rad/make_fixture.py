"""The VQA-RAD fixture: ``VQA_RAD Dataset Public.json`` and ``VQA_RAD Image Folder/synpic<N>.jpg``.

The first entry carries the released sample's image, question and answer ("Does the patient have a
central line placed?" -> "Yes" on synpic40272.jpg; its qid is invented); the second follows a record
quoted by third-party loaders; the rest are invented in the same shape, one with a numeric answer.
Values of the keys the reader does not use are invented. Images are greyscale JPEGs, like the scans.
Run: ``.venv/bin/python tasks/vqa_rad/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate, write_json

# (qid, image_name, organ, question, answer, answer_type, question_type, phrase_type)
ROWS = [
    (11, "synpic40272.jpg", "CHEST", "Does the patient have a central line placed?", "Yes", "CLOSED", "PRES",
     "freeform"),
    (1, "synpic54610.jpg", "HEAD", "Are regions of the brain infarcted?", "Yes", "CLOSED", "PRES",
     "freeform"),
    (2, "synpic54610.jpg", "HEAD", "Which region of the brain is affected?", "Left frontal lobe", "OPEN",
     "POS", "freeform"),
    (27, "synpic40272.jpg", "CHEST", "How many ribs are fractured?", 2, "OPEN", "COUNT", "para"),
    (30, "synpic31955.jpg", "CHEST", "Where is the lesion located?", "Right lung hilum", "OPEN", "POS",
     "test_freeform"),
]


def make_fixture(root: Path) -> None:
    """Write the annotation list and the image folder into the empty folder ``root``."""
    write_json(root / "VQA_RAD Dataset Public.json", [
        {"qid": qid, "phrase_type": phrase, "qid_linked_id": f"linked-{qid:04d}",
         "image_case_url": "https://medpix.nlm.nih.gov/case?id=fixture", "image_name": image,
         "image_organ": organ, "evaluation": "not evaluated", "question": question,
         "question_rephrase": "NULL", "question_relation": "NULL", "question_frame": "NULL",
         "question_type": kind, "answer": answer, "answer_type": answer_type}
        for qid, image, organ, question, answer, answer_type, kind, phrase in ROWS])
    draw_images(root / "VQA_RAD Image Folder", sorted({row[1] for row in ROWS}), mode="L")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
