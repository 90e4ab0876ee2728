"""``--format messages`` round-trips through ``datasets`` and a LLaVA processor's chat template."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from visionflan_core.export.writers.messages import content_parts
from visionflan_core.registry import Registry
from visionflan_core.testing import draw_image

from .conftest import TASKS, export

IMAGE_TOKEN = "<image>"


def _multi_image_root(data_root: Path, tmp_path: Path) -> Path:
    """The fake data root with fake_alpha's records showing two images each."""
    root = tmp_path / "data"
    shutil.copytree(data_root, root)
    dataset = root / TASKS["fake_alpha"][0]
    records = json.loads((dataset / "records.json").read_text())
    for index, record in enumerate(records):
        second = f"images/fake_alpha/{index:04d}-b.png"
        draw_image(dataset / second, seed=("second", index), size=(30, 18))
        record["images"] = [*record["images"], second]
    (dataset / "records.json").write_text(json.dumps(records))
    return root


@pytest.fixture(scope="module")
def out(registry: Registry, data_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("messages")
    root = _multi_image_root(data_root, folder)
    export(registry, folder / "out", data_root=root, formats=("llava", "messages"), cap=4, shard_size=5,
           image_placement="random", seed=3)
    return folder / "out"


@pytest.fixture(scope="module")
def rows(out: Path) -> Any:
    import datasets

    files = sorted(str(p) for p in (out / "messages").glob("*.parquet"))
    return datasets.load_dataset("parquet", data_files=files, split="train")


def _llava_records(out: Path) -> list[dict[str, Any]]:
    return [r for f in sorted((out / "llava").glob("*.json")) for r in json.loads(f.read_text())]


def test_loads_with_the_image_feature_and_the_chat_shape(out: Path, rows: Any) -> None:
    import datasets

    assert len(rows) == 12 and rows.column_names == ["id", "task_name", "messages", "images"]
    assert isinstance(rows.features["images"].feature, datasets.Image)
    for row in rows:
        assert [m["role"] for m in row["messages"]] == ["user", "assistant"]
        parts = [p for m in row["messages"] for p in m["content"]]
        assert {p["type"] for p in parts} <= {"image", "text"}
        assert all(p["text"] for p in parts if p["type"] == "text")
        assert sum(p["type"] == "image" for p in parts) == len(row["images"])
        assert all(isinstance(image, Image.Image) and image.width > 0 for image in row["images"])
    assert {len(row["images"]) for row in rows} == {1, 2}  # fake_alpha shows two images


def test_same_examples_images_and_words_as_the_llava_shards(out: Path, rows: Any) -> None:
    records = _llava_records(out)
    assert [row["id"] for row in rows] == [r["id"] for r in records]
    for row, record in zip(rows, records, strict=True):
        paths = record["image"] if isinstance(record["image"], list) else [record["image"]]
        for image, path in zip(row["images"], paths, strict=True):
            with Image.open(out / path) as original:
                assert image.tobytes() == original.convert(image.mode).tobytes()
        for message, turn in zip(row["messages"], record["conversations"], strict=True):
            rebuilt = " ".join(IMAGE_TOKEN if p["type"] == "image" else p["text"] for p in message["content"])
            assert rebuilt.split() == turn["value"].replace(IMAGE_TOKEN, f" {IMAGE_TOKEN} ").split()


def test_placeholders_match_images_through_a_processor(rows: Any) -> None:
    """As TRL's vision collator does: chat template to text, then the processor with the images."""
    from visionflan_trainer.conversation import chat_template
    from visionflan_trainer.model import make_processor, tiny_configs
    from visionflan_trainer.tokenizer import build_tiny_tokenizer

    tokenizer = build_tiny_tokenizer()
    image_id = tokenizer.convert_tokens_to_ids(IMAGE_TOKEN)
    config = tiny_configs(len(tokenizer), image_id, int(tokenizer.pad_token_id))
    processor = make_processor(tokenizer, config.vision_config, chat_template=chat_template("vicuna_v1"))
    per_image = (config.vision_config.image_size // config.vision_config.patch_size) ** 2
    checked = 0
    for row in rows:
        text = processor.apply_chat_template(row["messages"], tokenize=False)
        assert text.count(IMAGE_TOKEN) == len(row["images"]), text
        batch = processor(text=[text], images=row["images"], return_tensors="pt")
        assert int((batch["input_ids"] == image_id).sum()) == per_image * len(row["images"])
        assert batch["pixel_values"].shape[0] == len(row["images"])
        checked += 1
    assert checked == 12


@pytest.mark.parametrize(("text", "parts"), [
    ("<image>\nWhat is it?", [{"type": "image", "text": None}, {"type": "text", "text": "What is it?"}]),
    ("What is it?\n<image>", [{"type": "text", "text": "What is it?"}, {"type": "image", "text": None}]),
    ("A <image> and\n<image>\nB?", [{"type": "text", "text": "A"}, {"type": "image", "text": None},
                                    {"type": "text", "text": "and"}, {"type": "image", "text": None},
                                    {"type": "text", "text": "B?"}]),
    ("It is red.", [{"type": "text", "text": "It is red."}]),
])
def test_content_parts_keep_placeholder_order(text: str, parts: list[dict[str, Any]]) -> None:
    assert content_parts(text) == parts
