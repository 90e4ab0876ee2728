"""The ViQuAE reader: one alias per question, stable; bad lines reported and skipped."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import copy_fixture

from .make_fixture import QUESTIONS
from .reader import read_viquae

FIXTURE = Path(__file__).parent / "fixture"
FILE = "train.jsonl"


def test_each_question_gets_one_of_its_aliases() -> None:
    context = ReadContext("viquae_question_answer", FIXTURE)
    records = list(read_viquae(context, FIXTURE))
    assert context.problems == []
    assert [r.id for r in records] == [f"{q[0]}+{n}" for n, q in enumerate(QUESTIONS)]
    assert all(r.label in q[3] for r, q in zip(records, QUESTIONS, strict=True))
    again = list(read_viquae(ReadContext("viquae_question_answer", FIXTURE), FIXTURE))
    assert [r.label for r in again] == [r.label for r in records]


def test_bad_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "viquae")
    lines = (root / FILE).read_text().splitlines()
    first = json.loads(lines[0])
    first["output"]["answer"] = []
    lines[0] = json.dumps(first)
    second = json.loads(lines[1])
    del second["input"]
    lines[1] = json.dumps(second)
    lines[2] = "{not json"
    (root / FILE).write_text("\n".join(lines) + "\n")
    (root / "images" / "512px-Eiffel_Tower,_Paris_(2019).jpg").unlink()
    context = ReadContext("viquae_question_answer", root)
    records = list(read_viquae(context, root))
    assert [r.id for r in records] == ["512px-Jackie_Wilson.png+3"]
    assert [(p.file, p.record_id, p.field) for p in context.problems] == [
        (FILE, None, None), (FILE, "line 1", "answer"), (FILE, "line 2", "input"), (FILE, "line 5", "image")]
