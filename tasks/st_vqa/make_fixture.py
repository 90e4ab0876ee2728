"""The ST-VQA fixture: ``train_task_3.json`` and ``train_images/<source>/`` for four images.

Layout as the RRC train downloads unpack. COCO_train2014_000000430692.jpg carries the released
Vision-Flan question and answer (and a second, invented question on the same image, which the
image-keyed task leaves out); the other entries and all question ids are invented.
Run: ``.venv/bin/python tasks/st_vqa/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate, write_json

ROWS = [
    (1, "coco-text", "COCO_train2014_000000430692.jpg", "what is written on the note book",
     ["tokidoki", "tokidoki", "Tokidoki"]),
    (2, "coco-text", "COCO_train2014_000000430692.jpg", "what brand is the pen?", ["bic"]),
    (3, "visual_genome", "2345678.jpg", "What number is on the bus?", ["42"]),
    (4, "icdar", "img_118.jpg", "What is the name of the shop?", ["Boots", "boots"]),
    (5, "imageNet", "n03196217_1174.JPEG", "what time is shown?", ["10:10"]),
]


def make_fixture(root: Path) -> None:
    """Write the task-3 questions file and one small image per distinct file."""
    data = [{"question_id": qid, "set_name": "train", "dataset": source, "file_name": name,
             "file_path": f"{source}/{name}", "question": question, "answers": answers}
            for qid, source, name, question, answers in ROWS]
    write_json(root / "train_task_3.json", {"dataset_name": "ST-VQA", "data": data})
    for source in sorted({row[1] for row in ROWS}):
        draw_images(root / "train_images" / source,
                    sorted({row[2] for row in ROWS if row[1] == source}))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
