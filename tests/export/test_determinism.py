"""Same spec and seed give the same bytes: for any worker count, after a resume, across partitions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from visionflan_core.errors import VisionFlanError
from visionflan_core.export.merge import merge_partitions
from visionflan_core.export.settings import RunOptions
from visionflan_core.registry import Registry

from .conftest import export, tree

ALL = ("llava", "jsonl", "webdataset", "parquet", "messages")


@pytest.fixture(scope="module")
def clean(registry: Registry, data_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One uninterrupted single-worker export every other run is compared with."""
    out = tmp_path_factory.mktemp("clean") / "out"
    export(registry, out, data_root=data_root, formats=ALL, cap=20, seed=3)
    return out


def test_worker_count_does_not_change_a_byte(
    clean: Path, registry: Registry, data_root: Path, tmp_path: Path
) -> None:
    export(registry, tmp_path / "w2", data_root=data_root, formats=ALL, cap=20, seed=3,
           options=RunOptions(workers=2))
    assert tree(tmp_path / "w2") == tree(clean)
    info = json.loads((clean / "info.json").read_text())
    assert info["totals"]["written"] == 37 and len(info["shards"]) == 6
    assert (clean / "COMPLETED").is_file()


def test_seed_changes_selection_and_order(
    clean: Path, registry: Registry, data_root: Path, tmp_path: Path
) -> None:
    export(registry, tmp_path / "other", data_root=data_root, cap=20, seed=4)
    ids = [r["id"] for r in json.loads((tmp_path / "other/llava/shard-00000.json").read_text())]
    clean_ids = [r["id"] for r in json.loads((clean / "llava/shard-00000.json").read_text())]
    assert ids != clean_ids


class Interrupt(Exception):
    pass


def test_resume_after_a_fault_finishes_identically_without_rewriting(
    clean: Path, registry: Registry, data_root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    done: list[int] = []

    def fail_after_two(manifest: dict[str, Any]) -> None:
        done.append(manifest["index"])
        if len(done) == 2:
            raise Interrupt

    with pytest.raises(Interrupt):
        export(registry, out, data_root=data_root, formats=ALL, cap=20, seed=3,
               on_shard=fail_after_two)
    assert not (out / "COMPLETED").exists()
    finished = {p: p.stat().st_mtime_ns for p in (out / "webdataset").glob("shard-*.tar")}
    assert len(finished) >= 2
    with pytest.raises(VisionFlanError, match="--resume"):
        export(registry, out, data_root=data_root, formats=ALL, cap=20, seed=3)
    (out / "llava" / ".shard-00005.json.partial").write_text("[")  # a writer killed mid-shard
    (out / "images" / ".half.png.tmp-999").write_bytes(b"\x89PNG")
    rewritten: list[int] = []
    export(registry, out, data_root=data_root, formats=ALL, cap=20, seed=3,
           options=RunOptions(resume=True), on_shard=lambda m: rewritten.append(m["index"]))
    assert set(rewritten).isdisjoint(done)
    assert all(p.stat().st_mtime_ns == t for p, t in finished.items())
    assert tree(out) == tree(clean)


def test_resume_refuses_a_different_plan(
    clean: Path, registry: Registry, data_root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    export(registry, out, data_root=data_root, cap=20, seed=3)
    with pytest.raises(VisionFlanError, match="fingerprint"):
        export(registry, out, data_root=data_root, cap=20, seed=9, options=RunOptions(resume=True))


def test_partitions_merge_to_the_single_run(
    clean: Path, registry: Registry, data_root: Path, tmp_path: Path
) -> None:
    parts = []
    for index in range(3):
        part = tmp_path / f"part{index}"
        result = export(registry, part, data_root=data_root, formats=ALL, cap=20, seed=3,
                        options=RunOptions(num_partitions=3, partition_index=index))
        assert result is None and not (part / "COMPLETED").exists()
        parts.append(part)
    shards = [len(list((p / "llava").glob("*.json"))) for p in parts]
    assert shards == [2, 2, 2]
    merge_partitions(tmp_path / "merged", parts)
    assert tree(tmp_path / "merged") == tree(clean)
    with pytest.raises(VisionFlanError, match="not written"):
        merge_partitions(tmp_path / "incomplete", parts[:2])


def test_two_identical_runs_with_bad_input_give_identical_trees_reports_included(
    registry: Registry, tmp_path: Path
) -> None:
    """Reports quote no object reprs and no absolute paths, so they are byte-stable too."""
    from visionflan_core.testing import draw_image

    root = tmp_path / "data"
    draw_image(root / "coco" / "good.png", seed=1)
    (root / "coco" / "junk.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    (root / "coco" / "text.png").write_bytes(b"plain text, not an image")
    (root / "coco" / "records.json").write_text(json.dumps(
        [{"id": n, "images": [f"{n}.png"], "label": "cat"} for n in ("good", "junk", "text", "gone")]))
    outs = [tmp_path / "one", tmp_path / "two"]
    for out in outs:
        export(registry, out, data_root=root, allow_empty=True, formats=("llava", "jsonl"))
    assert tree(outs[0]) == tree(outs[1])
    reports = (outs[0] / "skipped.jsonl").read_text() + (outs[0] / "problems.jsonl").read_text()
    assert reports.count("\n") == 5  # three bad images, two missing dataset folders
    assert " at 0x" not in reports and str(tmp_path) not in reports
