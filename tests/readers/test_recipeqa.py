"""RecipeQA reader: visual-coherence questions become one composed 500x200 panel each."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PIL import Image

from visionflan_core.errors import Problem
from visionflan_core.records import resolve_image
from visionflan_core.registry import discover

TASK = "recipe_qa_visual_coherence"
FIXTURE = Path(__file__).parents[2] / "tasks" / "_fixtures" / "recipeqa"
IMAGES = Path("images-qa/train/images-qa")


def test_panel_is_composed_into_the_cache() -> None:
    records = list(discover().load(TASK).read(FIXTURE, []))
    assert [(r.id, r.label) for r in records] == [("0", "D"), ("1", "B"), ("2", "A")]
    with Image.open(resolve_image(TASK, FIXTURE, records[0].images[0])) as panel:
        assert (panel.size, panel.format) == ((500, 200), "JPEG")


def test_missing_choice_image_and_bad_answer_are_reported(tmp_path: Path) -> None:
    root = tmp_path / "recipeqa"
    shutil.copytree(FIXTURE, root)
    (root / IMAGES / "veggie-soup-in-a-blender_2_1.jpg").unlink()
    document = json.loads((root / "train.json").read_text())
    document["data"][2]["answer"] = 7
    (root / "train.json").write_text(json.dumps(document))
    problems: list[Problem] = []
    records = list(discover().load(TASK).read(root, problems))
    assert [r.id for r in records] == ["0"]
    assert {(p.record_id, p.field) for p in problems} == {("1", "image"), ("2", "answer")}
