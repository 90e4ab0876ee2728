"""Shared fixtures: tiny LLaVA-format datasets drawn with Pillow (colour questions, so loss falls)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from PIL import Image

COLOURS = {"red": (220, 30, 30), "green": (30, 200, 40), "blue": (30, 40, 220)}


def write_colour_dataset(
    root: Path,
    n: int = 24,
    extra: list[dict[str, Any]] | None = None,
    name: str = "train.json",
    completed: bool = True,
) -> Path:
    """``root/llava/{name}`` + ``root/llava/images/*.png``; sample i shows colour i % 3.

    Laid out like a finished ``vf-tasks export`` (``COMPLETED`` last) unless ``completed=False``.
    """
    llava = root / "llava"
    (llava / "images").mkdir(parents=True, exist_ok=True)
    names = list(COLOURS)
    records: list[dict[str, Any]] = []
    for i in range(n):
        colour = names[i % 3]
        w, h = (40, 24) if i % 2 else (24, 40)  # non-square: exercises pad-to-square
        img = Image.new("RGB", (w, h), COLOURS[colour])
        img.save(llava / "images" / f"{i}.png")
        records.append(
            {
                "id": f"s{i}",
                "image": f"images/{i}.png",
                "conversations": [
                    {"from": "human", "value": "What colour is the square?\n<image>"},
                    {"from": "gpt", "value": f"It is {colour}."},
                ],
            }
        )
    records.extend(extra or [])
    (llava / name).write_text(json.dumps(records))
    if completed:
        (root / "COMPLETED").write_bytes(b"")
    return root


@pytest.fixture
def colour_data(tmp_path: Path) -> Path:
    return write_colour_dataset(tmp_path / "data")


def build_sentencepiece_tokenizer() -> Any:
    """A Llama/Vicuna-style tokenizer (Metaspace ``▁``, BOS added, ``legacy=False``), offline.

    BPE merges are learned with ``tokenizers`` on the tiny corpus, then handed to transformers'
    ``LlamaTokenizer``, which sets up Metaspace with prepend_scheme "first" as Llama's does.
    """
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import LlamaTokenizer
    from visionflan_trainer.tokenizer import _TINY_CORPUS

    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    trainer = trainers.BpeTrainer(
        vocab_size=420, special_tokens=["<unk>", "<s>", "</s>"], show_progress=False
    )
    tok.train_from_iterator([*_TINY_CORPUS, "\n", "It is red.\nIs it?"] * 4, trainer=trainer)
    model = json.loads(tok.to_str())["model"]
    merges = [tuple(m) if isinstance(m, list) else tuple(m.split(" ")) for m in model["merges"]]
    llama = LlamaTokenizer(vocab=model["vocab"], merges=merges, legacy=False, add_bos_token=True)
    llama.add_special_tokens({"pad_token": "<pad>"})
    llama.add_tokens(["<image>"], special_tokens=True)
    return llama


def save_tiny_checkpoint(path: Path, tokenizer: Any, seed: int = 0) -> Path:
    """A random tiny LLaVA checkpoint folder (model + processor) around ``tokenizer``."""
    import torch
    from transformers import LlavaForConditionalGeneration
    from visionflan_trainer.model import make_processor, tiny_configs

    image_id = tokenizer.convert_tokens_to_ids("<image>")
    cfg = tiny_configs(len(tokenizer), image_id, int(tokenizer.pad_token_id))
    torch.manual_seed(seed)
    LlavaForConditionalGeneration(cfg).save_pretrained(path)
    make_processor(tokenizer, cfg.vision_config).save_pretrained(path)
    return path
