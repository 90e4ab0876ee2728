"""VQG reader: one record per ``---`` item, joined to img2dataset's download; bad rows reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "vqg_question_generation"


def test_bad_rows_missing_columns_and_dead_links(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "vqg")
    bing = (root / "bing_train_all.csv").read_text().splitlines()
    bing[1] = bing[1].replace("http://tse1.mm.bing.net/th?id=OIP.M4acbd431", "")    # no image_url
    bing.append("5bcd,http://dead.example/x.jpg,Why?---,,")                         # never downloaded
    bing.append(",http://tse2.mm.bing.net/th?id=OIP.M4aa1abff,What?,,")            # no image_id
    (root / "bing_train_all.csv").write_text("\n".join(bing) + "\n")
    (root / "coco_train_all.csv").write_text("image_id,image_url\n1,http://x\n")    # no questions
    (root / "flickr_train_all.csv").unlink()
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == [
        "4aa1abff-0c6d-4214-acaf-72ad68519c4c_0", "4aa1abff-0c6d-4214-acaf-72ad68519c4c_1"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (".", "bing_train_all.csv:2#0", "image_url"), (".", "bing_train_all.csv:2#1", "image_url"),
        (".", "bing_train_all.csv:2#2", "image_url"), (".", "bing_train_all.csv:5#0", "image_id"),
        ("coco_train_all.csv", None, "questions"), ("flickr_train_all.csv", None, None),
        (".", None, "image")]
    assert problems[-1].message.startswith("1 of 7 records have no image downloaded by img2dataset")


def test_caption_task_reads_the_captions_column(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "vqg")
    records, problems = read_task("vqg_caption_generation", root)
    assert problems == []
    assert ("4aa1abff-0c6d-4214-acaf-72ad68519c4c_4", "Exterior of a brown house") in [
        (r.id, r.label) for r in records]
