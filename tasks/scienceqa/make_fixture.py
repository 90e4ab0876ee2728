"""The ScienceQA fixture: ``problems.json``, ``pid_splits.json`` and ``images/<split>/<pid>/image.png``.

Five problems in the repository's shape, four with an image over the three splits (one without a
hint, one with three choices) and one text-only problem that no task reads.
Run: ``.venv/bin/python tasks/scienceqa/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from visionflan_core.testing import draw_image, regenerate, write_json


def _problem(question: str, choices: list[str], answer: int, hint: str, image: str | None, split: str,
             subject: str, lecture: str, solution: str) -> dict[str, Any]:
    return {"question": question, "choices": choices, "answer": answer, "hint": hint, "image": image,
            "task": "closed choice", "grade": "grade5", "subject": subject, "topic": "science",
            "category": "General", "skill": "Reason", "lecture": lecture, "solution": solution,
            "split": split}


PROBLEMS = {
    "5": _problem("Which of these states is farthest north?", ["West Virginia", "Louisiana", "Arizona",
                  "Oklahoma"], 0, "", "image.png", "train", "social science",
                  "Maps have four cardinal directions, or main directions.",
                  "To find the answer, look at the compass rose. Look at which way the north arrow is "
                  "pointing. West Virginia is farthest north."),
    "11": _problem("Which animal's mouth is also adapted for bottom feeding?", ["discus", "armored catfish"],
                   1, "Sturgeons eat invertebrates, plants, and small fish.\nThey are bottom feeders.",
                   "image.png", "train", "natural science", "An adaptation is an inherited trait.",
                   "Look at the picture of the sturgeon. The armored catfish's mouth is also adapted for "
                   "bottom feeding."),
    "12": _problem("Which word would you find on a dictionary page with the guide words bank - busy?",
                   ["bus", "brick"], 0, "", None, "train", "language science",
                   "Guide words appear on each page of a dictionary.",
                   "Put the words in alphabetical order."),
    "3521": _problem("Which property do these three objects have in common?", ["sour", "shiny", "yellow"],
                     2, "Select the best answer.", "image.png", "val", "natural science",
                     "An object has different properties.",
                     "Look at each object. A lemon, a banana and a rubber duck are all yellow."),
    "8012": _problem("Identify the question that the experiment can best answer.",
                     ["Do more bacteria grow in liquid with cinnamon than in liquid without cinnamon?",
                      "Does the type of liquid affect how quickly bacteria grow?"], 0,
                     "The passage below describes an experiment.", "image.png", "test", "natural science",
                     "Experiments can be designed to answer specific questions.",
                     "The independent variable is whether cinnamon was added."),
}


def make_fixture(root: Path) -> None:
    """Write the problems, the split lists and one image per problem that has one into ``root``."""
    write_json(root / "problems.json", PROBLEMS)
    splits: dict[str, list[str]] = {}
    for pid, problem in PROBLEMS.items():
        splits.setdefault(problem["split"], []).append(pid)
        if problem["image"]:
            image = root / "images" / problem["split"] / pid / problem["image"]
            draw_image(image, seed=("scienceqa", pid), size=(40, 30))
    write_json(root / "pid_splits.json", splits)


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
