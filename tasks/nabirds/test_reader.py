"""The NABirds reader joins its lists by UUID and reports what does not join, one image at a time."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
SPECIES = "nabirds_bird_species_detection"
PARTS = "nabirds_body_part_detection"


def test_species_and_visible_parts() -> None:
    records, problems = read_task(SPECIES, FIXTURE)
    assert problems == []
    assert {r.id: r.label for r in records}["931336a93d394745b20f6d44c5ff6e86"] == "Pied-billed Grebe"
    records, problems = read_task(PARTS, FIXTURE)
    assert problems == [] and len(records) == 4  # the image with no visible part is left out
    assert {r.id: r.label for r in records}["282fc194de9a41e2b952e6fb9feaa3ed"] == [
        "bill", "crown", "nape", "right eye", "belly", "breast", "back", "tail", "left wing"]


def test_bad_lines_unknown_class_and_missing_image(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "nabirds") / "nabirds"
    (root / "images" / "0817" / "0000139e21dc4d0cbfe14cae3c85c829.jpg").unlink()
    labels = root / "image_class_labels.txt"
    labels.write_text(labels.read_text().replace("-7a6b5c4d3e2f 900", "-7a6b5c4d3e2f 999"))
    locs = root / "parts" / "part_locs.txt"
    locs.write_text(locs.read_text().replace("282fc194-de9a-41e2-b952-e6fb9feaa3ed 3 0 0 0",
                                             "282fc194-de9a-41e2-b952-e6fb9feaa3ed 3 0 0"))
    records, problems = read_task(SPECIES, root.parent)
    assert len(records) == 3
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("nabirds/images.txt", "0000139e-21dc-4d0c-bfe1-4cae3c85c829", "image"),
        ("nabirds/images.txt", "5c6d6e1f-0a2b-4c3d-9e8f-7a6b5c4d3e2f", "class"),
    ]
    records, problems = read_task(PARTS, root.parent)
    assert next((p.file, p.record_id, p.field) for p in problems) == (
        "nabirds/parts/part_locs.txt", "282fc194-de9a-41e2-b952-e6fb9feaa3ed", "parts")
