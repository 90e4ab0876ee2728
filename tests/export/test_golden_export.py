"""A small export's bytes are pinned: any per-process randomness (``hash()``, set order) would show.

Worker-count and resume tests compare runs of one process family; this digest, made once and
checked in, compares against every other process that ever ran it. Only the shard and image files
are pinned (``info.json`` carries library versions, Parquet bytes vary with pyarrow).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from visionflan_core.registry import Registry

from .conftest import export

GOLDEN = "73f019f9c76b1dc592d70dee6f5a933afd87d8fb6e5128b15b20ed98344914de"


def _digest(out: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out).as_posix()
        if path.is_file() and relative.split("/")[0] in {"llava", "jsonl", "images"}:
            digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def test_small_export_matches_its_golden_digest(registry: Registry, data_root: Path,
                                                tmp_path: Path) -> None:
    info = export(registry, tmp_path / "out", data_root=data_root, formats=("llava", "jsonl"),
                  cap=6, seed=11, image_placement="random")
    assert info is not None and info["totals"]["written"] == 17
    assert _digest(tmp_path / "out") == GOLDEN, json.dumps(info["totals"])


def test_a_quota_below_the_cap_is_honoured(registry: Registry, data_root: Path,
                                           tmp_path: Path) -> None:
    """``total`` shares out fewer than ``cap`` per task: each task writes its quota, not the cap."""
    info = export(registry, tmp_path / "out", data_root=data_root, cap=10, total=12)
    assert info is not None
    tasks = {t["id"]: (t["quota"], t["written"]) for t in info["tasks"]}
    assert all(quota < 10 for quota, _ in tasks.values() if quota)
    assert all(written == quota for quota, written in tasks.values())
    assert sum(written for _, written in tasks.values()) == 12
