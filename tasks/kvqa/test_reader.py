"""The KVQA reader: captions per image, questions per index; bad entries reported, never fatal."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import copy_fixture

from .reader import read_kvqa

FIXTURE = Path(__file__).parent / "fixture"
FILE = "dataset.json"


def test_images_and_questions() -> None:
    context = ReadContext("kvqa_image_captioning", FIXTURE)
    captions = {r.id: r.label for r in read_kvqa(context, FIXTURE)}
    assert captions["31345.jpg"] == "Tryggve Gran in Antarctica (1911)"
    questions = {r.id: r for r in read_kvqa(context, FIXTURE, unit="question")}
    assert context.problems == []
    assert len(questions) == 9
    assert questions["24835.jpg+5"].label == "North America"
    assert questions["24835.jpg+2"].label == "2"  # an int answer, as text


def test_bad_entries_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "kvqa")
    data = json.loads((root / FILE).read_text())
    data["24835"]["Answers"].pop()  # questions and answers no longer pair up
    data["31345"]["Questions"][1] = ""
    (root / FILE).write_text(json.dumps(data))
    (root / "KVQAimgs" / "39346.jpg").unlink()
    context = ReadContext("kvqa_image_question_answer", root)
    records = list(read_kvqa(context, root, unit="question"))
    assert [r.id for r in records] == ["31345.jpg+0"]
    problems = {(p.file, p.record_id, p.field) for p in context.problems}
    assert problems == {(FILE, "31345+1", "Questions"), (FILE, "39346+0", "image")} | {
        (FILE, f"24835+{n}", "Answers") for n in range(6)}


def test_a_file_that_is_not_an_object_is_one_problem(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "kvqa")
    (root / FILE).write_text("[]")
    context = ReadContext("kvqa_image_captioning", root)
    assert list(read_kvqa(context, root)) == [] and len(context.problems) == 1
