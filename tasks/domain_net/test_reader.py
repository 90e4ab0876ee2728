"""The DomainNet reader reports bad split lines and missing images, keeps the rest."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "domain_net_clipart_image_classification"


def test_bad_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "domain_net")
    (root / "clipart" / "zigzag" / "clipart_345_000086.jpg").unlink()
    with (root / "clipart_train.txt").open("a") as out:
        out.write("clipart_999_000001.jpg 998\n../outside/secret.jpg 3\n")
    (root / "clipart_test.txt").unlink()
    records, problems = read_task(TASK, root)
    assert [(r.id, r.label) for r in records] == [
        ("clipart_001_000018", "aircraft carrier"), ("clipart_257_000040", "see saw")]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("clipart_train.txt", "clipart/zigzag/clipart_345_000086.jpg", "image"),
        ("clipart_train.txt", "clipart_999_000001.jpg", "path"),
        ("clipart_train.txt", "../outside/secret.jpg", "image"),
        ("clipart_test.txt", None, None),
    ]


def test_image_category_task_reads_every_training_list_and_keeps_suffixes(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "domain_net")
    (root / "sketch_train.txt").unlink()
    records, problems = read_task("domain_net_image_category_classification", root)
    assert {r.fields["domain"] for r in records} == {"clipart", "infograph", "painting", "quickdraw", "real"}
    assert "painting_327_000120.jpg" in {r.id for r in records}
    assert "4503599627370496.png" in {r.id for r in records}
    assert [(p.file, p.record_id) for p in problems] == [("sketch_train.txt", None)]
