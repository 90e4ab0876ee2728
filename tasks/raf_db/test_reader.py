"""The RAF-DB reader: missing images or attribute files and unknown codes are reported per record."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
LIST = "EmoLabel/list_patition_label.txt"


def test_bad_records_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "raf_db")
    (root / "Image" / "original" / "train_00001.jpg").unlink()
    (root / "Annotation" / "manual" / "train_04443_manu_attri.txt").unlink()
    attributes = root / "Annotation" / "manual" / "train_07012_manu_attri.txt"
    attributes.write_text(attributes.read_text().replace("\n1\n1\n3\n", "\n1\n9\n3\n"))
    with (root / LIST).open("a") as out:
        out.write("test_0002.jpg 8\n")
    records, problems = read_task("raf_db_human_emotion_detection", root)
    assert [(r.id, r.fields["gender"], r.label) for r in records] == [("test_0001", "unsure", "Neutral")]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (LIST, "train_00001.jpg", "image"), (LIST, "train_04443.jpg", "attributes"),
        (LIST, "train_07012.jpg", "race"), (LIST, "test_0002.jpg", "emotion")]
