"""The KVQA fixture: ``dataset.json`` keyed by image id and ``KVQAimgs/<image id>.jpg``.

Three images, keys as a public loader documents them. 31345's caption and 24835's sixth question
are the released samples (the other questions, answers and entities are invented); answers mix
strings and ints, as in the real file; 24835 is greyscale, as the released image is.
Run: ``.venv/bin/python tasks/kvqa/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

Asked = list[tuple[str, object, list[str]]]
# image id, entities, (question, answer, types) list, wikiCap, greyscale
IMAGES: list[tuple[str, list[str], Asked, str, bool]] = [
    ("31345", ["Tryggve Gran"], [
        ("Who is in the image?", "Tryggve Gran", ["1-hop"]),
        ("Where was the person in the image born?", "Bergen", ["1-hop"])],
     "Tryggve Gran in Antarctica (1911)", False),
    ("24835", ["Mary Pickford"], [
        ("Who is in the image?", "Mary Pickford", ["1-hop"]),
        ("Is the person in the image an actress?", "Yes", ["boolean"]),
        ("How many children did the person in the image have?", 2, ["count"]),
        ("When was the person in the image born?", "1892", ["1-hop"]),
        ("Which country is the person in the image a citizen of?", "Canada", ["1-hop"]),
        ("In which continent was the person in the image born?", "North America", ["multi-hop"])],
     "Mary Pickford in 1916", True),
    ("39346", ["Hal De Forrest", "Estelle Taylor", "Jack Dempsey"], [
        ("Who is in the left?", "Hal De Forrest", ["spatial", "1-hop"])],
     "Hal De Forrest (left) and Jack Dempsey with his wife, actress Estelle Taylor.", False),
]


def entry(entities: list[str], asked: Asked, caption: str, image_id: str) -> dict[str, object]:
    """One dataset.json value; Qids and the five split codes are plausible constants."""
    return {
        "NamedEntities": entities, "imgPath": f"KVQAimgs/{image_id}.jpg",
        "Qids": [f"Q{1000 + n}" for n, _ in enumerate(entities)],
        "Questions": [q for q, _, _ in asked], "ParaQuestions": [q for q, _, _ in asked],
        "Answers": [a for _, a, _ in asked], "Type of Question": [t for _, _, t in asked],
        "wikiCap": caption, "split": [1, 1, 2, 1, 3],
    }


def make_fixture(root: Path) -> None:
    """Write dataset.json and one picture per image into the empty folder ``root``."""
    data = {}
    for image_id, entities, asked, caption, grey in IMAGES:
        mode = "L" if grey else "RGB"
        draw_image(root / "KVQAimgs" / f"{image_id}.jpg", seed=("kvqa", image_id), mode=mode)
        data[image_id] = entry(entities, asked, caption, image_id)
    write_text(root / "dataset.json", json.dumps(data))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
