"""A tiny random LLaVA saved like vf-train's ``RUN/final`` (model, processor, chat template), offline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def save_tiny_final(path: Path, seed: int = 0) -> Path:
    """``build_tiny`` saved with the processor ``vf-train`` saves (vicuna_v1 chat template, exact pixels)."""
    from visionflan_trainer.images import ImageSpec
    from visionflan_trainer.model import build_tiny, training_processor

    loaded = build_tiny(seed)
    spec = ImageSpec.from_processor(loaded.processor.image_processor, "pad")
    loaded.model.save_pretrained(path)
    training_processor(loaded, "vicuna_v1", spec).save_pretrained(path)
    return path


@pytest.fixture(scope="session")
def tiny_final(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_tiny_final(tmp_path_factory.mktemp("tiny") / "final")
