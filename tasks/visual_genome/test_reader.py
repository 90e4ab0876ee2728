"""The Visual Genome QA reader: ids, both image folders, the final period; bad pairs reported."""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"


def test_ids_images_and_answers() -> None:
    records, problems = read_task("visual_genome_vqa", FIXTURE)
    assert problems == []
    assert [(r.id, r.images[0], r.label) for r in records[::3]] == [
        ("2389998_1421695", "VG_100K/2389998.jpg", "Ham"),
        ("2415090_2907721", "VG_100K_2/2415090.jpg", "A woman")]
    assert records[2].label == "White"        # no final period: nothing cut


def test_bad_pairs_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "visual_genome")
    data = json.loads((root / "question_answers.json").read_text())
    first, second = data[0]["qas"], data[1]["qas"]
    del first[0]["answer"]
    first[1]["answer"] = "."
    first[2]["image_id"] = "2389998"
    data.append({"id": 1, "qas": None})
    (root / "question_answers.json").write_text(json.dumps(data))
    (root / "VG_100K_2" / "2415090.jpg").unlink()
    records, problems = read_task("visual_genome_vqa", root)
    assert records == []
    assert [(p.record_id, p.field) for p in problems] == [
        ("1421695", "answer"), ("1421696", "answer"), ("1421697", "image_id"),
        ("2907721", "image"), ("2907722", "image"), ("entry 2", "qas")]
    assert second and "VG_100K/2415090.jpg" in problems[-2].message


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "visual_genome")
    (root / "question_answers.json").unlink()
    records, problems = read_task("visual_genome_vqa", root)
    assert records == [] and [p.message for p in problems] == ["file is missing"]
