"""Every format read back by its real reader: json, webdataset.WebDataset, datasets parquet."""

from __future__ import annotations

import hashlib
import json
import tarfile
from pathlib import Path

import pytest
from PIL import Image

from visionflan_core.registry import Registry

from .conftest import export


@pytest.fixture(scope="module")
def out(registry: Registry, data_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("writers") / "out"
    export(registry, folder, data_root=data_root, formats=("llava", "jsonl", "webdataset", "parquet"),
           cap=4, shard_size=5, image_placement="before")
    return folder


def test_llava_json_is_the_release_format(out: Path) -> None:
    records = [r for f in sorted((out / "llava").glob("*.json")) for r in json.loads(f.read_text())]
    assert len(records) == 12
    for record in records:
        assert list(record) == ["id", "image", "task_name", "conversations"]
        assert (out / record["image"]).is_file()
        assert record["conversations"][0]["value"].startswith("<image>\n")  # placement: before
        assert [t["from"] for t in record["conversations"]] == ["human", "gpt"]


def test_jsonl_has_provenance(out: Path) -> None:
    lines = [json.loads(line) for f in sorted((out / "jsonl").glob("*.jsonl"))
             for line in f.read_text().splitlines()]
    assert len(lines) == 12
    first = lines[0]
    assert set(first["provenance"]) == {"task_version", "template_id", "template_hash",
                                        "source_record_id", "seed"}
    assert first["category"] and first["source_images"][0].startswith("images/fake_")
    info = json.loads((out / "info.json").read_text())
    hashes = {t["id"]: t["templates"]["instruction"] for t in info["tasks"]}
    assert first["provenance"]["template_hash"] == hashes[first["task_id"]]


def test_webdataset_reads_back(out: Path) -> None:
    import webdataset as wds

    urls = [str(p) for p in sorted((out / "webdataset").glob("*.tar"))]
    samples = list(wds.WebDataset(urls, shardshuffle=False).decode("pil"))
    assert len(samples) == 12
    assert [s["__key__"] for s in samples] == [f"{i:09d}" for i in range(12)]
    assert isinstance(samples[0]["png"], Image.Image)
    assert samples[0]["json"]["conversations"][1]["from"] == "gpt"
    with tarfile.open(urls[0]) as tar:
        assert {(m.mtime, m.uid, m.gid, m.uname) for m in tar.getmembers()} == {
            (0, 0, 0, "visionflan")}


def test_parquet_loads_with_datasets(out: Path) -> None:
    import datasets

    files = sorted(str(p) for p in (out / "parquet").glob("*.parquet"))
    loaded = datasets.load_dataset("parquet", data_files=files, split="train")
    assert len(loaded) == 12
    assert isinstance(loaded.features["images"].feature, datasets.Image)
    row = loaded[0]
    assert isinstance(row["images"][0], Image.Image)
    assert row["conversations"][0]["from"] == "human"
    assert json.loads(row["raw_label"]) in ("cat", "dog")


def test_manifests(out: Path) -> None:
    info = json.loads((out / "info.json").read_text())
    for shard in info["shards"]:
        for entry in shard["files"].values():
            assert hashlib.sha256((out / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]
    stats = json.loads((out / "stats.json").read_text())
    assert stats["examples"] == 12 and stats["image_width"]["max"] == 24
    assert stats["per_category"] == {"General Object": 4, "Perception": 4,
                                     "Scene Classification": 4}
    card = (out / "README.md").read_text()
    assert "| fake_alpha | FAKE+alpha |" in card and "### Dataset citations" in card
    assert "arXiv 2402.11690" in card and "xu2024visionflan" in card
    assert info["packages"]["pillow"] and (out / "COMPLETED").read_bytes() == b""


def test_progress_is_plain_periodic_lines_off_a_terminal() -> None:
    """In a log file or a SLURM job: counts, rate and ETA as lines, no terminal bars."""
    import io

    from rich.console import Console

    from visionflan_core.export.progress import Reporter

    buffer = io.StringIO()
    reporter = Reporter(console=Console(file=buffer, width=80), interval=0.0)
    with reporter:
        reporter.start_scan(2)
        reporter.unit_done("a")
        reporter.start_write({"t": 10})
        reporter.shard_done({"stats": {"per_task": {"t": 4}}, "skipped": []})
    lines = buffer.getvalue().splitlines()
    assert any(line.startswith("scanning: 1/2 units (50%)") for line in lines)
    assert any(line.startswith("writing: 4/10 examples (40%)") and "ETA" in line for line in lines)
    assert all("\x1b[" not in line for line in lines)
