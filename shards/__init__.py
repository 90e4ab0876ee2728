"""visionflan_shards: what a valid LLaVA-format shard record is, and when an export is finished.

Shared by the exporter (``visionflan_core``) and the trainer (``visionflan_trainer``) so that a
record which exports clean is never dropped at training time for a rule only one side knew.
Standard library only: the trainer installs it without the data-generation stack, and the
exporter's start-up path pays nothing for it.

The record schema (LLaVA's released format, which ``vf-tasks export --format llava`` writes)::

    {"id": str, "image": str | [str, ...] (optional), "conversations": [
        {"from": "human", "value": str}, {"from": "gpt", "value": str}, ...]}
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "COMPLETED",
    "IMAGE_TOKEN",
    "ROLES",
    "conversation_problem",
    "export_problem",
    "image_names",
    "is_export_folder",
    "record_problem",
]

IMAGE_TOKEN = "<image>"
ROLES = ("human", "gpt")
COMPLETED = "COMPLETED"  # written last by the exporter, after every shard and report


def _text_problem(text: str) -> str | None:
    """Text a tokenizer cannot take: lone surrogates (``"\\ud800"`` in JSON) do not encode as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"lone surrogate {text[error.start]!r} at character {error.start}"
    return None


def conversation_problem(turns: Sequence[tuple[str, str]], n_images: int) -> str | None:
    """Why ``turns`` = [(role, text)] with ``n_images`` images is not a trainable record, or None.

    Roles alternate human/gpt starting with human and end with gpt; every assistant turn has
    text (an empty one supervises only the end-of-turn token); no text holds a lone surrogate;
    ``<image>`` appears only in human turns, once per image.
    """
    if not turns:
        return "bad conversations: missing or empty"
    for i, (role, text) in enumerate(turns):
        if role != ROLES[i % 2]:
            return f"bad roles: turn {i} is {role!r}, expected {ROLES[i % 2]!r}"
        if (why := _text_problem(text)) is not None:
            return f"bad text: turn {i} has a {why}"
        if role == "gpt" and not text.strip():
            return f"empty assistant turn: turn {i} has no text to learn"
    if turns[-1][0] != "gpt":
        return "bad roles: conversation does not end with a gpt turn"
    if any(IMAGE_TOKEN in text for role, text in turns if role == "gpt"):
        return f"bad placeholders: {IMAGE_TOKEN} in a gpt turn"
    placeholders = sum(text.count(IMAGE_TOKEN) for _, text in turns)
    if placeholders != n_images:
        return f"bad placeholders: {n_images} image(s) but {placeholders} {IMAGE_TOKEN}"
    return None


def image_names(raw: dict[str, Any]) -> list[str] | None:
    """The record's image paths (``image`` is absent, one path or a list), None if malformed."""
    image = raw.get("image")
    names = [] if image is None else [image] if isinstance(image, str) else image
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        return None
    for name in names:
        if _text_problem(name) is not None:
            return None
    return names


def record_problem(raw: Any) -> str | None:
    """Why one LLaVA-format record (a parsed JSON value) is not valid, or None."""
    if not isinstance(raw, dict):
        return "bad record: not an object"
    rid = raw.get("id")
    if isinstance(rid, str) and (why := _text_problem(rid)) is not None:
        return f"bad id: {why}"
    convs = raw.get("conversations")
    if not isinstance(convs, list) or not convs:
        return "bad conversations: missing or empty"
    turns: list[tuple[str, str]] = []
    for i, turn in enumerate(convs):
        if not isinstance(turn, dict) or not isinstance(turn.get("value"), str):
            return f"bad conversations: turn {i} has no string value"
        turns.append((str(turn.get("from")), turn["value"]))
    names = image_names(raw)
    if names is None:
        return "bad image field: expected a path or a list of paths"
    return conversation_problem(turns, len(names))


def is_export_folder(path: Path) -> bool:
    """A ``vf-tasks export`` output (its ``llava/`` shards sit next to ``info.json``/``COMPLETED``)."""
    return path.is_dir() and any((path / name).exists() for name in ("llava", "info.json", COMPLETED))


def export_problem(path: Path) -> str | None:
    """Why the export folder ``path`` is not a finished export (no ``COMPLETED`` marker), or None."""
    if not is_export_folder(path) or (path / COMPLETED).is_file():
        return None
    return (
        f"{path} is an unfinished export (no {COMPLETED} marker: the exporter writes it last); "
        "wait for it to finish, or pass --allow-incomplete to train on the shards present"
    )
