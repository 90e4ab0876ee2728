"""RecipeQA reader: visual-coherence questions become one composed 500x200 panel each."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from visionflan_core.records import resolve_image
from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "recipe_qa_visual_coherence"
IMAGES = Path("images-qa/train/images-qa")


def test_panel_is_composed_into_the_cache() -> None:
    records = read_task(TASK, FIXTURE)[0]
    assert [(r.id, r.label) for r in records] == [("0", "D"), ("1", "B"), ("2", "A")]
    with Image.open(resolve_image(TASK, FIXTURE, records[0].images[0])) as panel:
        assert (panel.size, panel.format) == ((500, 200), "JPEG")


def test_missing_choice_image_and_bad_answer_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "recipeqa")
    (root / IMAGES / "veggie-soup-in-a-blender_2_1.jpg").unlink()
    document = json.loads((root / "train.json").read_text())
    document["data"][2]["answer"] = 7
    (root / "train.json").write_text(json.dumps(document))
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["0"]
    assert {(p.record_id, p.field) for p in problems} == {("1", "image"), ("2", "answer")}
