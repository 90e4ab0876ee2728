"""A tiny random LLaVA saved like vf-train's ``RUN/final`` (model, processor, chat template), offline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def save_tiny_final(path: Path, seed: int = 0) -> Path:
    """``build_tiny`` saved with the vicuna_v1 chat template training's processor carries."""
    from visionflan_trainer.conversation import chat_template
    from visionflan_trainer.model import build_tiny, make_processor

    loaded = build_tiny(seed)
    loaded.model.save_pretrained(path)
    make_processor(loaded.tokenizer, loaded.model.config.vision_config,
                   chat_template=chat_template("vicuna_v1")).save_pretrained(path)
    return path


@pytest.fixture(scope="session")
def tiny_final(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_tiny_final(tmp_path_factory.mktemp("tiny") / "final")
