"""``--llava-single-file``: the whole mixture as one JSON list, which ``vf-train`` trains on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from visionflan_core.cli import cli as vf_tasks
from visionflan_core.export.errors import ExportError
from visionflan_core.export.fsutil import dump_json, sha256_file
from visionflan_core.export.merge import merge_partitions
from visionflan_core.export.settings import RunOptions, Settings
from visionflan_core.export.writers.llava import join_shards
from visionflan_core.registry import Registry

from .conftest import export


@pytest.fixture(scope="module")
def out(registry: Registry, data_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("single") / "out"
    export(registry, folder, data_root=data_root, cap=5, shard_size=4, llava_single_file=True)
    return folder


def test_the_file_is_the_shards_joined_in_order(out: Path) -> None:
    shards = sorted((out / "llava").glob("*.json"))
    assert len(shards) == 4
    items = [item for shard in shards for item in json.loads(shard.read_text())]
    assert (out / "llava.json").read_bytes() == dump_json(items, indent=None)
    info = json.loads((out / "info.json").read_text())
    assert info["llava_single_file"] == {"path": "llava.json", "sha256": sha256_file(out / "llava.json"),
                                         "bytes": (out / "llava.json").stat().st_size, "examples": 15}
    assert len(items) == info["totals"]["written"] == 15
    for item in items:  # relative to the file itself, as LLaVA's --data_path and --image_folder take it
        assert ((out / "llava.json").parent / item["image"]).is_file()


def test_partitions_merged_give_the_same_file(registry: Registry, data_root: Path, out: Path,
                                              tmp_path: Path) -> None:
    parts = []
    for index in range(2):
        part = tmp_path / f"part{index}"
        assert export(registry, part, data_root=data_root, cap=5, shard_size=4, llava_single_file=True,
                      options=RunOptions(num_partitions=2, partition_index=index)) is None
        assert not (part / "llava.json").exists()  # only a whole export is joined
        parts.append(part)
    merge_partitions(tmp_path / "merged", parts)
    assert (tmp_path / "merged" / "llava.json").read_bytes() == (out / "llava.json").read_bytes()


def test_empty_shards_and_foreign_files(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(dump_json([], indent=None))
    (tmp_path / "b.json").write_bytes(dump_json([{"id": "x"}, {"id": "y"}], indent=None))
    join_shards(tmp_path, ["a.json", "b.json", "a.json"], tmp_path / "all.json")
    assert json.loads((tmp_path / "all.json").read_text()) == [{"id": "x"}, {"id": "y"}]
    (tmp_path / "c.json").write_text('[\n  {"id": "z"}\n]')  # not ours: refused by name, nothing written
    with pytest.raises(ExportError, match=r"c\.json: not a llava shard"):
        join_shards(tmp_path, ["b.json", "c.json"], tmp_path / "none.json")
    assert not (tmp_path / "none.json").exists()


def test_needs_the_llava_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="add llava to --format"):
        Settings(formats=("jsonl",), llava_single_file=True)
    result = CliRunner().invoke(vf_tasks, ["export", str(tmp_path / "o"), "--format", "jsonl",
                                           "--llava-single-file"])
    assert result.exit_code == 2 and "add llava to --format" in result.output
    assert not (tmp_path / "o").exists()


def test_vf_train_trains_on_the_file_and_keeps_every_record(out: Path, tmp_path: Path) -> None:
    from visionflan_trainer.cli import main as vf_train
    from visionflan_trainer.records import load_records

    records, report = load_records(out / "llava.json", "vicuna_v1")
    expected = [item["id"] for item in json.loads((out / "llava.json").read_text())]
    assert [r.id for r in records] == expected and len(expected) == 15 and not report.dropped
    run = tmp_path / "run"
    result = CliRunner().invoke(vf_train, ["--config", "stage1-cpu", "--data", str(out / "llava.json"),
                                           "--output-dir", str(run), "--model", "tiny", "--max-steps", "2"])
    assert result.exit_code == 0, result.output
    assert "kept 15 records, dropped 0" in result.output
    assert len((run / "train_log.jsonl").read_text().splitlines()) == 2
    assert (run / "final" / "model.safetensors").is_file()
