"""PlotQA: streamed QA (memory does not follow the file), both top-level shapes, bad questions reported."""

from __future__ import annotations

import itertools
import json
import pathlib
import sys
import tracemalloc
from pathlib import Path

import pytest

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import copy_fixture, read_task

from .reader import read_plotqa

FIXTURE = Path(__file__).parent / "fixture"
TASK = "plotqa_visual_question_answering"
QA = "train/qa_pairs_V2.json"


def _held_mid_stream(root: Path, questions: int) -> int:
    """Memory the reader holds with all but one of ``questions`` questions read (three plots).

    Allocations of the interpreter's own path-part interning (pathlib) and imports are left out:
    they are not the reader's and do not follow the file.
    """
    pairs = [{"image_index": (2387, 3608, 10)[n % 3], "question_string": f"Question {n} about the plot ?",
              "answer": n, "template": "data_retrieval", "type": "line"} for n in range(questions)]
    (root / QA).write_text(json.dumps({"qa_pairs": pairs}))
    del pairs
    context = ReadContext(TASK, root)
    tracemalloc.start()
    try:
        reader = read_plotqa(context, root)
        assert sum(1 for _ in itertools.islice(reader, questions - 1)) == questions - 1
        snapshot = tracemalloc.take_snapshot().filter_traces([
            tracemalloc.Filter(False, pathlib.__file__), tracemalloc.Filter(False, "<frozen importlib*")])
        del reader
    finally:
        tracemalloc.stop()
    assert context.problems == []
    return sum(stat.size for stat in snapshot.statistics("filename"))


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "plotqa")
    small = _held_mid_stream(root, 2_000)
    size_small = (root / QA).stat().st_size
    large = _held_mid_stream(root, 20_000)
    assert (root / QA).stat().st_size > 9 * size_small
    assert large < 1.5 * small + 64 * 1024, (small, large)


def test_a_bare_list_is_read_too(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "plotqa")
    pairs = json.loads((root / QA).read_text())["qa_pairs"]
    (root / QA).write_text(json.dumps(pairs))
    records, problems = read_task(TASK, root)
    assert problems == []
    assert [r.id for r in records][-2:] == ["3608+S3", "10+S0"]
    assert records[-2].label == "2" and records[-1].label == "2.5"


def test_bad_questions_and_broken_tail_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "plotqa")
    data = json.loads((root / QA).read_text())
    del data["qa_pairs"][0]["question_string"]
    data["qa_pairs"][1] = ["not", "an", "object"]
    (root / "train" / "png" / "10.png").unlink()
    text = json.dumps(data)
    (root / QA).write_text(text + text)          # a second top-level value: invalid after the list
    records, problems = read_task(TASK, root)
    assert len(records) == 5
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (QA, "qa 1", "question_string"), (QA, "qa 2", None), (QA, "qa 8", "image"), (QA, None, None)]


def test_missing_file_and_missing_ijson_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "plotqa")
    (root / QA).unlink()
    records, problems = read_task(TASK, root)
    assert records == [] and [p.file for p in problems] == [QA]
    monkeypatch.setitem(sys.modules, "ijson", None)
    records, problems = read_task(TASK, FIXTURE)
    assert records == [] and "pip install 'visionflan[export]'" in problems[0].message
