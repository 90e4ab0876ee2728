"""FFHQ-Text reader: one record per description file; bad files and missing faces reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "ffhq_text_text_to_face_generation"


def test_bad_description_files_and_missing_images_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "ffhq_text")
    (root / "Image" / "00012.png").unlink()
    (root / "Text" / "01524.txt").write_bytes(b"\n\n")
    (root / "Text" / "00999.txt").write_bytes(b"The girl \xff smiles.\n")
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["00936"]
    assert len(records[0].fields["descriptions"]) == 9
    assert records[0].label.startswith("This woman turns her face towards the front side. This girl")
    assert {(p.record_id, p.field) for p in problems} == {
        ("00012.txt", "image"), ("01524.txt", "descriptions"), ("00999.txt", "descriptions")}
