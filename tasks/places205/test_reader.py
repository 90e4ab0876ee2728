"""The Places205 reader maps categories to Indoor/Outdoor and reports what it cannot map."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "places205_image_env_classification"


def test_settings_from_the_io_file_and_the_sub_level() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    labels = {r.id: r.label for r in records}
    assert labels["gsun_46a2c5a1726626d0952b060428729d77"] == "Indoor"
    assert labels["gsun_1234567890abcdef1234567890abcdef"] == "Outdoor"


def test_unmapped_category_bad_lines_and_missing_image(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "places205")
    io_file = root / "IO_places365.txt"
    io_file.write_text(io_file.read_text().replace("/m/motel 2", "/m/motel x"))
    image = "data/vision/torralba/deeplearning/images256/b/bedroom/gsun_ffeeddccbbaa99887766554433221100.jpg"
    (root / image).unlink()
    with (root / "trainvalsplit_places205" / "train_places205.csv").open("a") as out:
        out.write("a/airfield/gsun_x.jpg\n")
    records, problems = read_task(TASK, root)
    assert len(records) == 3
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("IO_places365.txt", "/m/motel", "setting"),
        ("trainvalsplit_places205/train_places205.csv", "line 3", "image"),
        ("trainvalsplit_places205/train_places205.csv", "line 5", "setting"),
        ("trainvalsplit_places205/train_places205.csv", "line 6", "line"),
    ]
