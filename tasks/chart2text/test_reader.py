"""Chart-to-Text reader: one record per caption file; bad captions and missing charts reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "chart2text_chart_caption"
BASE = "statista_dataset/dataset"


def test_missing_image_empty_and_undecodable_captions_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "chart2text")
    (root / BASE / "imgs" / "17.png").unlink()
    (root / BASE / "captions" / "2806.txt").write_text("  \n")
    (root / BASE / "captions" / "99.txt").write_bytes(b"Sales rose \xff .\n")
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["5843.png"]
    assert records[0].label.startswith("In 2019 , the French region")
    assert {(p.record_id, p.field) for p in problems} == {
        ("17.txt", "image"), ("2806.txt", "caption"), ("99.txt", "caption")}
    assert all(p.task_id == TASK and p.file == f"{BASE}/captions" for p in problems)


def test_missing_caption_folder_is_one_problem(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "chart2text")
    for path in (root / BASE / "captions").iterdir():
        path.unlink()
    (root / BASE / "captions").rmdir()
    records, problems = read_task(TASK, root)
    assert records == []
    assert [p.message for p in problems] == ["caption folder is missing"]
