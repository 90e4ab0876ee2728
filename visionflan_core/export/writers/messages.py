"""``messages``: the chat format of Hugging Face vision chat models and TRL's ``SFTTrainer``.

Each row holds ``messages`` (``role`` user/assistant, ``content`` a list of ``{"type": "image"}`` and
``{"type": "text", "text": ...}`` parts in the order of the conversation) and ``images`` (a list of
``Image`` features, one per image part, in order), so ``processor.apply_chat_template(row["messages"])``
puts one image placeholder per image. Parquet written in row groups like ``parquet``.
"""

from __future__ import annotations

from typing import Any

from datasets import Features, Image, List, Value

from ...example import Example
from . import OutputRecord
from .parquet import ParquetWriter, image_cells

IMAGE_TOKEN = "<image>"
ROLES = {"human": "user", "gpt": "assistant"}
_PART = {"type": Value("string"), "text": Value("string")}  # text is null for an image part
MESSAGES_FEATURES = Features({
    "id": Value("string"),
    "task_name": Value("string"),
    "messages": List({"role": Value("string"), "content": List(_PART)}),
    "images": List(Image()),
})


def content_parts(text: str) -> list[dict[str, Any]]:
    """A LLaVA turn as content parts: each ``<image>`` becomes an image part where it stood.

    Text between placeholders keeps its words; only the whitespace that separated it from a
    placeholder (LLaVA's ``<image>\\n``) goes, since chat templates add their own separators.
    """
    parts: list[dict[str, Any]] = []
    for index, piece in enumerate(text.split(IMAGE_TOKEN)):
        if index:
            parts.append({"type": "image", "text": None})
        if piece.strip():
            parts.append({"type": "text", "text": piece.strip()})
    return parts


def to_messages(example: Example) -> list[dict[str, Any]]:
    """The example's conversation as chat messages."""
    return [{"role": ROLES[turn.speaker], "content": content_parts(turn.value)}
            for turn in example.conversations]


class MessagesWriter(ParquetWriter):
    """Rows of ``MESSAGES_FEATURES``; ``datasets.load_dataset("parquet", ...)`` decodes the images."""

    folder = "messages"
    features = MESSAGES_FEATURES

    def row(self, record: OutputRecord) -> dict[str, Any]:
        example = record.example
        return {"id": example.id, "task_name": example.release_name or example.task_id,
                "messages": to_messages(example), "images": image_cells(record)}
