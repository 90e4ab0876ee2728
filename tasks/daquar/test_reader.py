"""The DAQUAR reader: the image named in the question, the released question form; bad pairs reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
QA = "qa.894.raw.txt"


def test_question_image_and_id() -> None:
    records, problems = read_task("daquar_object_question_answer", FIXTURE)
    assert problems == []
    first = records[0]
    assert (first.id, first.images, first.fields["question"], first.label) == (
        "image1189.png+0", ("nyu_depth_images/image1189.png",), "What is at the right side of the plant?",
        "cabinet")


def test_bad_pairs_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "daquar")
    lines = (root / QA).read_text().splitlines()
    lines[0] = "what is at the right side of the plant ?"      # pair 0: no image named
    lines[3] = ""                                               # pair 1: empty answer
    lines.append("what is this in the image1 ?")                # a question with no answer line
    (root / QA).write_text("\n".join(lines) + "\n")
    (root / "nyu_depth_images" / "image5.png").unlink()         # pair 4's image
    records, problems = read_task("daquar_object_question_answer", root)
    assert [r.id for r in records] == ["image1.png+2", "image1189.png+3"]
    assert [(p.record_id, p.field) for p in problems] == [
        ("5", "answer"), ("0", "question"), ("1", "answer"), ("4", "image")]


def test_a_missing_or_undecodable_file_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "daquar")
    (root / QA).write_bytes(b"what is \xff in the image1 ?\nchair\n")
    records, problems = read_task("daquar_object_question_answer", root)
    assert records == [] and "encoding" in problems[0].message
    (root / QA).unlink()
    records, problems = read_task("daquar_object_question_answer", root)
    assert records == [] and [p.message for p in problems] == ["file is missing"]
