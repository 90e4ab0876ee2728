"""The VOC2007 reader reports broken annotations and missing images, one record each."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "voc2007_object_detection"


def test_distinct_sorted_names() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert {r.id: r.label for r in records}["009388.jpg"] == ["bottle", "chair", "tvmonitor"]


def test_bad_annotations_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "voc2007")
    base = root / "VOCdevkit" / "VOC2007"
    (base / "JPEGImages" / "000005.jpg").unlink()
    (base / "Annotations" / "000007.xml").write_text("<annotation><filename>000007.jpg")
    xml = base / "Annotations" / "000009.xml"
    xml.write_text(xml.read_text().replace("<name>horse</name>", ""))
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["009388.jpg"]
    annotations = "VOCdevkit/VOC2007/Annotations"
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (f"{annotations}/000005.xml", "000005", "image"),
        (f"{annotations}/000007.xml", "000007", "xml"),
        (f"{annotations}/000009.xml", "000009", "name"),
    ]
