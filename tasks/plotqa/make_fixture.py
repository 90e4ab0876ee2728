"""The PlotQA fixture: ``train/png/<index>.png``, ``train/qa_pairs_V2.json`` and ``annotations.json``.

Three RGBA plots (the released 3608 and 2387 among them) and their questions in the V2 file's
``{"qa_pairs": [...]}`` shape, numeric and text answers, the released questions at places 3 and 2
of their plots; annotations.json beside, unused.
Run: ``.venv/bin/python tasks/plotqa/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from visionflan_core.testing import draw_image, regenerate, write_json

QUESTIONS: list[tuple[int, str, Any, str]] = [
    (2387, "Does the graph contain grids ?", "Yes", "structural"),
    (2387, "Does the graph contain any zero values ?", "No", "structural"),
    (2387, "Where does the legend appear in the graph ?", "bottom right", "structural"),
    (3608, "Does the graph contain grids ?", "No", "structural"),
    (3608, "Does the graph contain any zero values ?", "No", "structural"),
    (3608, "Where does the legend appear in the graph ?", "top left", "structural"),
    (3608, "How many legend labels are there ?", 2, "structural"),
    (10, "What is the difference between the highest and the lowest value of Sweden ?", 2.5, "reasoning"),
]


def make_fixture(root: Path) -> None:
    """Write the plots, the QA file and the annotations into the empty folder ``root``."""
    for index in sorted({q[0] for q in QUESTIONS}):
        draw_image(root / "train" / "png" / f"{index}.png", seed=("plotqa", index), size=(46, 24),
                   mode="RGBA")
    pairs = [{"image_index": index, "question_string": question, "answer": answer, "answer_bbox": {},
              "template": template, "type": "dot_line"} for index, question, answer, template in QUESTIONS]
    write_json(root / "train" / "qa_pairs_V2.json", {"qa_pairs": pairs})
    write_json(root / "train" / "annotations.json",
               [{"image_index": index, "type": "dot_line", "models": [], "general_figure_info": {}}
                for index in sorted({q[0] for q in QUESTIONS})])


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
