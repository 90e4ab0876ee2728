"""What readers can rely on: failures stay with their record, files decode or report, and the
derived-image cache is never stale, never shared between processes mid-write, never fatal."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from visionflan_core.errors import TaskError
from visionflan_core.reader_kit import (
    ReadContext,
    SkipRecord,
    SourceRecord,
    choice_index,
    load_rows,
    most_common,
    pick_options,
)
from visionflan_core.records import resolve_image
from visionflan_core.registry import discover

from .conftest import plugin_of


def test_a_reader_error_of_any_type_drops_only_its_record(tmp_path: Path) -> None:
    context = ReadContext("t", tmp_path)

    def build(record_id: object, raw: int) -> SourceRecord:
        if raw == 2:
            raise ZeroDivisionError("odd value")
        if raw == 3:
            raise SkipRecord("malformed", field="x")
        return SourceRecord(id=str(record_id), images=(), fields={}, label=raw)

    records = list(context.build_each(enumerate([1, 2, 3, 4]), build, file=tmp_path / "a.json"))
    assert [r.label for r in records] == [1, 4]
    assert [(p.record_id, p.file, p.field) for p in context.problems] == [
        ("1", "a.json", None), ("2", "a.json", "x")]
    assert "ZeroDivisionError: odd value" in context.problems[0].message


def test_a_reader_that_raises_outside_records_is_a_task_problem(
    make_package: Callable[..., Path],
) -> None:
    root = make_package("acme", {"task": "T"})
    (root / "shapes" / "reader.py").write_text(
        "def read(context, root):\n    yield from ()\n    raise MemoryError('reader ran out')\n")
    dataset = root / "shapes" / "dataset.yaml"
    dataset.write_text(dataset.read_text().replace(
        "visionflan_core.readers.image_folder:read_image_folder", "./reader.py:read"))
    problems: list = []
    task = discover(group_entry_points=[plugin_of("acme")]).load("task")
    assert list(task.read(task.fixture_root, problems)) == []
    assert problems[0].field == "source.reader" and "MemoryError" in problems[0].message


@pytest.mark.parametrize("template", ["{{ range(10**12) | list }}", "{{ 1 / 0 }}"])
def test_a_template_or_formatter_that_raises_names_the_record(
    make_package: Callable[..., Path], template: str
) -> None:
    make_package("acme", {"task": template})
    task = discover(group_entry_points=[plugin_of("acme")]).load("task")
    record = next(task.read(task.fixture_root))
    with pytest.raises(TaskError) as raised:
        task.render(record)
    assert raised.value.problem.record_id == record.id
    assert raised.value.problem.file == "instruction.jinja"


def test_an_undecodable_file_is_a_problem_and_encoding_is_an_option(tmp_path: Path) -> None:
    path = tmp_path / "labels.tsv"
    path.write_bytes("name\tlabel\nCaf\xe9.jpg\tcaf\xe9\n".encode("latin-1"))
    context = ReadContext("t", tmp_path)
    assert load_rows(context, path, delimiter="\t") == []
    assert "not valid utf-8-sig at byte" in context.problems[0].message
    rows = load_rows(context, path, delimiter="\t", encoding="latin-1")
    assert rows == [(2, {"name": "Café.jpg", "label": "café"})]


def test_kit_helpers() -> None:
    assert most_common(["b", "a", "a", "b", "c"]) == "b"  # tie: first seen
    with pytest.raises(SkipRecord):
        most_common([], field="answers")
    assert choice_index(["x", "y"], 1) == 1 and choice_index(["x", "y"], " y ") == 1
    for bad in (2, "z", True):
        with pytest.raises(SkipRecord):
            choice_index(["x", "y"], bad)
    labels = [f"class {n}" for n in range(43)]
    options, answer = pick_options(labels, "class 7", 10, seed="record-1")
    assert len(set(options)) == 10 and options[answer] == "class 7"
    assert pick_options(labels, "class 7", 10, seed="record-1") == (options, answer)
    assert pick_options(labels, "class 7", 10, seed="record-2") != (options, answer)
    with pytest.raises(SkipRecord):
        pick_options(labels[:5], "class 1", 10, seed=0)


def _draw(count: list[int]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        count[0] += 1
        assert path.suffix == ".png"  # the real suffix, so Pillow picks the format from it
        path.write_bytes(f"panel {count[0]}".encode())
    return build


def test_derived_images_are_rebuilt_when_their_sources_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISIONFLAN_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "data" / "a.jpg"
    source.parent.mkdir()
    source.write_bytes(b"first")
    context, built = ReadContext("t", tmp_path / "data"), [0]
    ref = context.derived("p.png", _draw(built), sources=[source])
    assert context.derived("p.png", _draw(built), sources=[source]) == ref and built == [1]
    source.write_bytes(b"changed!")
    os.utime(source, ns=(1, 1))
    context.derived("p.png", _draw(built), sources=[source])
    assert built == [2]
    assert resolve_image("t", tmp_path / "data", ref).read_bytes() == b"panel 2"
    leftovers = [p.name for p in resolve_image("t", tmp_path / "data", ref).parent.iterdir()]
    assert sorted(leftovers) == [".p.png.stamp", "p.png"]


def test_an_unusable_cache_directory_falls_back_to_a_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As with a read-only HOME: the cache path cannot be created (here it runs through a file,
    which stops root too), so derived images go to a per-user temporary folder instead."""
    import tempfile

    (tmp_path / "home").write_text("a file, not a folder")
    monkeypatch.setenv("VISIONFLAN_CACHE_DIR", str(tmp_path / "home" / "cache"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    ref = ReadContext("t", tmp_path).derived("p.png", _draw([0]))
    assert resolve_image("t", tmp_path, ref).is_relative_to(tmp_path / "tmp")
    assert resolve_image("t", tmp_path, ref).read_bytes() == b"panel 1"


def test_csv_rows_keep_newlines_inside_quoted_fields(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_text('id,text\n1,"first line\nsecond line"\n2,plain\n', encoding="utf-8")
    rows = load_rows(ReadContext("t", tmp_path), path)
    assert rows == [(2, {"id": "1", "text": "first line\nsecond line"}), (4, {"id": "2", "text": "plain"})]


def test_stream_json_streams_reports_and_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from visionflan_core.reader_kit import stream_json

    (tmp_path / "a.json").write_text('{"questions": [{"q": 1}, {"q": 2}]}')
    (tmp_path / "b.json").write_text('{"x": 1, "y": 2}')
    (tmp_path / "c.json").write_text('[{"q": 1}, {"q": 2}, oops')
    context = ReadContext("t", tmp_path)
    assert list(stream_json(context, tmp_path / "a.json", "questions.item")) == [{"q": 1}, {"q": 2}]
    assert list(stream_json(context, tmp_path / "b.json", "", pairs=True)) == [("x", 1), ("y", 2)]
    assert list(stream_json(context, tmp_path / "c.json", "item", unit="question")) == [{"q": 1}, {"q": 2}]
    assert "after question 2" in context.problems[-1].message
    assert list(stream_json(context, tmp_path / "b.json", "questions.item")) == []
    assert context.problems[-1].field == "questions"
    monkeypatch.setitem(sys.modules, "ijson", None)  # without the export extra
    assert list(stream_json(context, tmp_path / "a.json", "questions.item")) == [{"q": 1}, {"q": 2}]
    assert list(stream_json(context, tmp_path / "b.json", "", pairs=True)) == [("x", 1), ("y", 2)]
    with pytest.raises(ImportError, match="pip install"):
        list(stream_json(context, tmp_path / "a.json", "item", install_hint="pip install it"))
