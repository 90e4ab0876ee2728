"""Per-example randomness: every choice derives from (seed, task id, example id), never global state."""

from __future__ import annotations

import hashlib
import random


def derive_seed(*parts: object) -> int:
    """A 64-bit integer that depends only on ``parts`` (stable across runs, platforms, workers)."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def example_rng(seed: int, task_id: str, example_id: str) -> random.Random:
    """The random generator for one example: option order and ``<image>`` placement come from it."""
    return random.Random(derive_seed(seed, task_id, example_id))
