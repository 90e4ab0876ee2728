"""The Visual7W telling reader: split, ids, the four options; bad pairs reported, not fatal."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
ANNOTATIONS = "dataset_v7w_telling.json"


def test_train_pairs_with_their_options() -> None:
    records, problems = read_task("visual7w_vqa", FIXTURE)
    assert problems == []
    assert [r.id for r in records] == [
        "2347934_517238", "2347934_517239", "2347934_517240", "2405437_88101", "2405437_88102"]
    first = records[0]
    assert first.choices == ("Salad.", "Broccoli.", "Tomato.", "Garnish.")
    assert (first.answer_index, first.label, first.images) == (3, "Garnish.", ("images/v7w_2347934.jpg",))


def test_bad_pairs_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "visual7w")
    data = json.loads((root / ANNOTATIONS).read_text())
    qas = data["images"][0]["qa_pairs"]
    del qas[0]["answer"]
    qas[1]["multiple_choices"] = "On the table."
    qas[2]["multiple_choices"] = ["One.", "Two.", "Three."]
    data["images"].append({"image_id": 1, "split": "train"})
    (root / ANNOTATIONS).write_text(json.dumps(data))
    (root / "images" / "v7w_2405437.jpg").unlink()
    records, problems = read_task("visual7w_vqa", root)
    assert records == []
    assert [(p.record_id, p.field) for p in problems] == [
        ("517238", "answer"), ("517239", "multiple_choices"), ("517240", "multiple_choices"),
        ("88101", "image"), ("88102", "image"), ("image 3", "qa_pairs")]


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "visual7w")
    (root / ANNOTATIONS).unlink()
    records, problems = read_task("visual7w_vqa", root)
    assert records == [] and [p.message for p in problems] == ["file is missing"]
