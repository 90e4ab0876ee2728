"""PACS through the path-label reader: released short ids where unique, bad folders reported."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

ART = "pacs_art_painting_object_classification"
GUITAR = "pacs_guitar_image_category_classification"


def test_short_ids_widen_only_where_they_repeat(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "pacs")
    (root / "kfold" / "art_painting" / "dog" / "Thumbs.db").write_text("not an image")
    records, problems = read_task(ART, root)
    assert [(r.id, r.label) for r in records] == [
        ("dog/pic_243", "dog"), ("pic_050", "elephant"), ("pic_102", "guitar"),
        ("horse/pic_243", "horse"), ("pic_301", "house"), ("pic_418", "person")]
    assert problems == []
    records, problems = read_task(GUITAR, root)
    assert [(r.id, r.label) for r in records] == [
        ("art_painting/guitar/pic_102.jpg", "Art painting"), ("cartoon/guitar/pic_102.jpg", "Cartoon"),
        ("n03272010_6809.jpg", "Photograph")]
    assert records[0].choices == ("Art painting", "Cartoon", "Photograph", "Sketch")
    assert problems == []


def test_unknown_domain_and_missing_image_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "pacs")
    stray = root / "kfold" / "watercolour" / "guitar" / "pic_001.jpg"
    stray.parent.mkdir(parents=True)
    shutil.copy(root / "kfold" / "photo" / "guitar" / "n03272010_6809.jpg", stray)
    os.symlink(root / "nowhere.jpg", root / "kfold" / "cartoon" / "guitar" / "pic_999.jpg")
    records, problems = read_task(GUITAR, root)
    assert len(records) == 3
    assert sorted((p.file, p.record_id, p.field) for p in problems) == [
        ("kfold", "pic_001.jpg", "label"), ("kfold", "pic_999.jpg", "image")]


def test_missing_domain_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "pacs")
    shutil.rmtree(root / "kfold" / "art_painting")
    records, problems = read_task(ART, root)
    assert records == []
    assert problems[0].file == "kfold/art_painting"
