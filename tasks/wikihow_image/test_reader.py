"""wikiHow-image: MultiInstruct's four step tasks; bad articles and steps reported, never fatal."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import copy_fixture, read_task

from .reader import read_wikihow

FIXTURE = Path(__file__).parent / "fixture"
BOOTS = "data/516442_store-knee-high-boots"
CILANTRO = "data/11102032_dry-cilantro"


def test_next_step_reproduces_the_released_sample_with_its_shared_history() -> None:
    records, problems = read_task("wikihow_image_next_step", FIXTURE)
    assert problems == []
    sample = next(r for r in records if r.id == "516442_store-knee-high-boots_method_0_step_2")
    assert sample.label == "Put your boots in a standing up position in your shoe storage area."
    assert sample.fields["method"] == "Magazine Roll-Ups"
    assert len(sample.fields["history"]) == 4 and sample.fields["history"][-1] == sample.label
    assert sample.images == (f"{BOOTS}/image/method_0_step_2.jpg",)


def test_without_shared_history_only_earlier_pictured_steps_are_listed() -> None:
    context = ReadContext("wikihow_image_next_step", FIXTURE)
    records = {r.id: r for r in read_wikihow(context, FIXTURE, kind="next_step", shared_history=False)}
    assert records["516442_store-knee-high-boots_method_0_step_0"].fields["history"] == []
    assert len(records["516442_store-knee-high-boots_method_0_step_2"].fields["history"]) == 2


def test_order_tasks_pair_a_step_with_its_neighbour() -> None:
    records, problems = read_task("wikihow_image_text_step_order", FIXTURE)
    assert problems == [] and {r.label for r in records} == {"next", "previous"}
    for record in records:
        assert record.choices == ("next", "previous")
    records, problems = read_task("wikihow_image_text_step_order", FIXTURE)
    sample = next(r for r in records if r.id == "516442_store-knee-high-boots_method_0_step_2")
    assert (sample.label, sample.fields["text"]) == (
        "previous", "Roll up an unwanted magazine and insert into one boot.")
    records, problems = read_task("wikihow_text_image_step_order", FIXTURE)
    dough = next(r for r in records if r.id == "10329050_defrost-dough_method_1_step_4")
    assert (dough.label, dough.fields["text"]) == ("next", "Remove the plastic wrap and inspect your dough.")
    assert dough.images == ("data/10329050_defrost-dough/image/method_1_step_5.jpg",)


def test_selection_offers_the_next_step_and_other_steps_of_the_method() -> None:
    records, problems = read_task("wikihow_image_immediate_next_step_selection", FIXTURE)
    assert problems == []
    oven = next(r for r in records if r.id == "11102032_dry-cilantro_method_1_step_6")
    assert oven.choices is not None and len(oven.choices) == 5  # 4 of the 8 other steps, then the answer
    assert oven.label == "Remove the tray from the oven and let it cool for 10 minutes."
    assert "Bake the leaves for 20 to 30 minutes." not in oven.choices
    assert read_task("wikihow_image_immediate_next_step_selection", FIXTURE)[0] == records


def test_split_file_limits_the_articles(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "wikihow_image")
    split = {"train": ["516442_store-knee-high-boots"], "val": []}
    (root / "wikihow_split.json").write_text(json.dumps(split))
    context = ReadContext("wikihow_image_next_step", root)
    records = list(read_wikihow(context, root, kind="next_step", split_file="wikihow_split.json"))
    assert len(records) == 4 and context.problems == []
    records = list(read_wikihow(context, root, kind="next_step", split_file="wikihow_split.json",
                                split="test"))
    assert records == [] and [p.field for p in context.problems] == ["test"]


def test_bad_articles_and_steps_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "wikihow_image")
    boots = json.loads((root / BOOTS / "wikihow.json").read_text())
    del boots["methods"][0]["steps"][1]["headline"]
    (root / BOOTS / "wikihow.json").write_text(json.dumps(boots))
    (root / CILANTRO / "image" / "method_1_step_6.jpg").unlink()
    (root / "data/11224393_paint-pine-cones/wikihow.json").write_bytes(b"\xff{not json")
    dough = json.loads((root / "data/10329050_defrost-dough/wikihow.json").read_text())
    dough["methods"][0] = {"name": "no steps"}
    (root / "data/10329050_defrost-dough/wikihow.json").write_text(json.dumps(dough))
    records, problems = read_task("wikihow_image_next_step", root)
    found = {(str(p.file), str(p.record_id), p.field) for p in problems}
    cilantro = "11102032_dry-cilantro"
    assert (f"data/{cilantro}/wikihow.json", f"{cilantro}_method_1_step_6", "image") in found
    assert ("data/10329050_defrost-dough/wikihow.json", "method 0", "steps") in found
    assert any(f == "data/11224393_paint-pine-cones/wikihow.json" for f, _, _ in found)
    # the history lists every headline of the method, so the broken one drops all four boots records
    assert {r for _, r, fld in found if fld == "headline"} == {
        f"516442_store-knee-high-boots_method_0_step_{i}" for i in range(4)}
    assert records == []
