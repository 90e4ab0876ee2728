"""LLaMA-Factory reads a llava export through the ``dataset_info.json`` written beside it.

Each step below is the one LLaMA-Factory 0.9.6.dev0 takes (commit ff6d4d12, 2026-08-18), named
by its file: nothing of ours is in the path from ``dataset_info.json`` to an image file.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from visionflan_core.export.llamafactory import images_problem
from visionflan_core.registry import Registry

from .conftest import TASKS, export

FILEEXT2TYPE = {"arrow": "arrow", "csv": "csv", "json": "json", "jsonl": "json", "parquet": "parquet",
                "txt": "text"}  # extras/constants.py
IMAGE_PLACEHOLDER = "<image>"  # extras/constants.py


def llamafactory_examples(dataset_dir: Path, name: str, tmp_path: Path) -> list[dict[str, Any]]:
    """``dataset: name`` with ``dataset_dir`` and the default ``media_dir``, as LLaMA-Factory reads it."""
    import datasets

    media_dir = str(dataset_dir)  # hparams/data_args.py: media_dir defaults to dataset_dir
    entry = json.loads((dataset_dir / "dataset_info.json").read_text())[name]  # data/parser.py
    assert "hf_hub_url" not in entry and "script_url" not in entry  # so load_from == "file"
    columns = {"messages": "conversations", **entry.get("columns", {})}  # DatasetAttr defaults
    tags = {"role_tag": "from", "content_tag": "value", "user_tag": "human", "assistant_tag": "gpt",
            "observation_tag": "observation", "function_tag": "function_call", **entry.get("tags", {})}
    assert entry["formatting"] == "sharegpt"

    local_path = os.path.join(dataset_dir, entry["file_name"])  # data/loader.py, load_from == "file"
    if os.path.isdir(local_path):
        data_files = [os.path.join(local_path, file_name) for file_name in os.listdir(local_path)]
    else:
        assert os.path.isfile(local_path)
        data_files = [local_path]
    data_path = FILEEXT2TYPE[os.path.splitext(data_files[0])[-1][1:]]
    assert all(FILEEXT2TYPE.get(os.path.splitext(f)[-1][1:]) == data_path for f in data_files)
    dataset = datasets.load_dataset(data_path, data_files=data_files, split="train",
                                    cache_dir=str(tmp_path / "hf-cache"))

    converted = []
    accept = ((tags["user_tag"], tags["observation_tag"]), (tags["assistant_tag"], tags["function_tag"]))
    for example in dataset:  # data/converter.py, SharegptDatasetConverter
        messages = example[columns["messages"]]
        for index, message in enumerate(messages):
            assert message[tags["role_tag"]] in accept[index % 2], messages  # else: skipped as broken
        assert len(messages) % 2 == 0
        medias = example[columns["images"]] if "images" in columns else None
        if medias is not None and not isinstance(medias, list):  # _find_medias
            medias = [medias]
        resolved = []
        for media in medias or []:
            media_path = os.path.join(media_dir, media)
            assert os.path.isfile(media_path), f"{media} does not exist in media_dir"  # else: a warning
            resolved.append(media_path)
        text = "".join(m[tags["content_tag"]] for m in messages)
        assert text.count(IMAGE_PLACEHOLDER) == len(resolved)  # data/mm_plugin.py checks the count
        converted.append({"id": example["id"], "images": resolved})
    return converted


@pytest.mark.parametrize("single_file", [False, True])
def test_every_image_resolves_from_dataset_info(registry: Registry, data_root: Path, tmp_path: Path,
                                                single_file: bool) -> None:
    out = tmp_path / "out"
    info = export(registry, out, data_root=data_root, cap=5, shard_size=4,
                  llava_single_file=single_file)
    assert info is not None and info["llamafactory"]["file"] == "dataset_info.json"
    entry = json.loads((out / "dataset_info.json").read_text())
    assert list(entry) == ["test"]
    assert entry["test"]["file_name"] == ("llava.json" if single_file else "llava")
    examples = llamafactory_examples(out, "test", tmp_path)
    records = [r for f in sorted((out / "llava").glob("*.json")) for r in json.loads(f.read_text())]
    assert len(examples) == info["totals"]["written"] == len(records) == 15
    assert sorted(e["id"] for e in examples) == sorted(r["id"] for r in records)
    assert sum(len(e["images"]) for e in examples) == 15
    # the default media_dir only works from this folder: moved elsewhere, nothing resolves
    with pytest.raises(AssertionError, match="does not exist in media_dir"):
        moved = tmp_path / "elsewhere"
        moved.mkdir()
        shutil.copy(out / "dataset_info.json", moved)
        shutil.copytree(out / "llava", moved / "llava")
        if single_file:
            shutil.copy(out / "llava.json", moved)
        llamafactory_examples(moved, "test", tmp_path)


def test_mixed_image_counts_write_no_dataset_info_and_say_why(registry: Registry, data_root: Path,
                                                              tmp_path: Path) -> None:
    """One record with two images makes ``image`` a path here and a list there: datasets refuses it."""
    root = tmp_path / "data"
    shutil.copytree(data_root, root)
    dataset = root / TASKS["fake_beta"][0]
    records = json.loads((dataset / "records.json").read_text())
    records[0]["images"].append(records[1]["images"][0])
    (dataset / "records.json").write_text(json.dumps(records))
    out = tmp_path / "out"
    info = export(registry, out, data_root=root, cap=20)
    assert info is not None and not (out / "dataset_info.json").exists()
    reason = info["llamafactory"]["reason"]
    assert "1 to 2 images" in reason
    assert f"no LLaMA-Factory dataset_info.json: {reason}" in (out / "README.md").read_text()
    # the reason is true: LLaMA-Factory pins datasets<=4.0.0, whose json builder reads a JSON list
    # through pandas into pa.Table.from_pandas (packaged_modules/json/json.py at 4.0.0)
    import pandas
    import pyarrow as pa

    mixed = [f for f in sorted((out / "llava").glob("*.json"))
             if len({type(r.get("image")) for r in json.loads(f.read_text())}) > 1]
    assert mixed
    with pytest.raises((pa.ArrowInvalid, pa.ArrowTypeError)), mixed[0].open() as handle:
        pa.Table.from_pandas(pandas.read_json(handle), preserve_index=False)


@pytest.mark.parametrize(("low", "high", "loads"), [
    (1, 1, True), (0, 0, True), (2, 5, True), (None, None, True), (1, 2, False), (0, 1, False),
    (0, 3, False)])
def test_image_shapes_that_load(low: int | None, high: int | None, loads: bool) -> None:
    assert (images_problem({"min": low, "max": high}) is None) is loads
