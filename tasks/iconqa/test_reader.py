"""The IconQA reader: one folder per problem; label is the chosen text; bad problems reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "iconqa_choose_txt"
BASE = "iconqa_data/iconqa/train/choose_txt"


def test_label_is_the_chosen_text() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == [] and [r.id for r in records] == ["2531", "17127", "40880"]
    assert records[1].label == "6:00 A.M."


def test_bad_problems_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "iconqa")
    path = root / BASE / "2531" / "data.json"
    data = json.loads(path.read_text())
    del data["question"]
    path.write_text(json.dumps(data))
    path = root / BASE / "40880" / "data.json"
    data = json.loads(path.read_text())
    data["answer"] = 5
    path.write_text(json.dumps(data))
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["17127"]
    assert {(p.record_id, p.field) for p in problems} == {("2531", "question"),
                                                          ("40880", "answer")}


def test_fill_in_blank_label_is_the_answer_string_and_bad_folders_are_reported(tmp_path: Path) -> None:
    records, problems = read_task("iconqa_fill_in_blank", FIXTURE)
    assert problems == [] and {r.id: r.label for r in records}["10111"] == "22"
    root = copy_fixture(FIXTURE, tmp_path, "iconqa")
    blanks = root / "iconqa_data/iconqa/train/fill_in_blank"
    (blanks / "4617" / "image.png").unlink()
    (blanks / "7302" / "data.json").write_text("{not json")
    records, problems = read_task("iconqa_fill_in_blank", root)
    assert [r.id for r in records] == ["10111"]
    assert "4617" in {p.record_id for p in problems}
    assert any("7302/data.json" in str(p.file) for p in problems)
