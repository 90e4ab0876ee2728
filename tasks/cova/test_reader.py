"""CoVA: the domain list names the website; ids in two lists and missing screenshots are reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
TASK = "cova_webpage_recognition"


def test_bad_entries_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "cova")
    lists = root / "splits" / "domain_wise_imgs"
    (lists / "www.ebay.com.txt").write_text("203\n8841\n")      # 8841 is also amazon's
    (root / "data" / "imgs" / "532.png").unlink()
    records, problems = read_task(TASK, root)
    assert [(r.id, r.label) for r in records] == [
        ("57", "www.amazon.com"), ("203", "www.ebay.com"), ("502", "poshmark.com")]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("splits/domain_wise_imgs", "532", "image"), ("splits/domain_wise_imgs", "8841", "domain")]


def test_missing_list_folder_is_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "cova")
    for path in (root / "splits" / "domain_wise_imgs").iterdir():
        path.unlink()
    (root / "splits" / "domain_wise_imgs").rmdir()
    records, problems = read_task(TASK, root)
    assert records == []
    assert [p.file for p in problems] == ["splits/domain_wise_imgs"]
