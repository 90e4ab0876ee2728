"""Fixtures for vf-eval: a small predictions file (one task per metric), and a tiny random LLaVA saved
like vf-train's ``RUN/final`` (model, processor, chat template), offline."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

OPTIONS = [{"label": "a", "text": "dog"}, {"label": "b", "text": "cat"}]


def rows() -> list[dict[str, Any]]:
    def row(i: int, task: str, prediction: str, references: list[str], **extra: Any) -> dict[str, Any]:
        return {"id": f"{task}-{i}", "task_id": task, "prediction": prediction, "references": references,
                "prompt": "...", "release_name": task.upper(), **extra}  # fmt: skip

    mc = {"answer_type": "multiple_choice", "category": "Perception", "options": OPTIONS}
    vqa = {"answer_type": "short_answer", "category": "Perception"}
    label = {"answer_type": "label", "category": "Animal Classification"}
    caption = {"answer_type": "free_text", "category": "Coarse-grained Captioning"}
    return [
        row(0, "pets/mc", "(b)", ["b", "cat"], **mc),
        row(1, "pets/mc", "dog", ["b", "cat"], **mc),
        row(2, "pets/mc", "no idea", ["a", "dog"], **mc),
        row(3, "pets/mc", "a", ["a", "dog"], **mc),
        row(0, "vqa/qa", "Two", ["2"] * 3 + ["3"] * 7, **vqa),
        row(1, "vqa/qa", "three", ["2"] * 3 + ["3"] * 7, **vqa),
        row(0, "docs/qa", "helo", ["hello"], metric="anls", answer_type="short_answer", category="OCR"),
        row(0, "yoga/pose", "The yoga pose is Camel Pose.", ["Camel Pose"], **label),
        row(1, "yoga/pose", "Camel Pose", ["Camel Pose"], **label),
        row(0, "coco/caption", "a b a b", ["a b"], **caption),
        row(1, "coco/caption", "c d", ["c d"], **caption),
    ]


def write_jsonl(path: Path, items: list[Any]) -> Path:
    path.write_text(
        "".join((json.dumps(item) if not isinstance(item, str) else item) + "\n" for item in items)
    )
    return path


@pytest.fixture
def predictions(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "predictions.jsonl", rows())

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
