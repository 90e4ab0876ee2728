"""``vf-tasks merge``: join partition folders into the output a single machine would have written."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from .errors import ExportError
from .fsutil import atomic_path, write_json
from .manifest import finalise, plan_path, read_plan
from .output_dir import prepare_output
from .shard import marker_path


def merge_partitions(out: Path, parts: list[Path], *, overwrite: bool = False,
                     allow_empty: bool = False) -> dict[str, Any]:
    """Check the parts share one plan, bring their shards and images together, finalise."""
    if not parts:
        raise ExportError("name at least one partition folder")
    plans = [read_plan(part) for part in parts]
    fingerprints = {plan["fingerprint"] for plan in plans}
    if len(fingerprints) != 1:
        raise ExportError("the partitions were planned differently (spec, settings or data differ)")
    prepare_output(out, resume=False, overwrite=overwrite, inputs=parts)
    for part in parts:
        _bring_images(part / "images", out / "images")
        for index in range(plans[0]["num_shards"]):
            marker = marker_path(part, index)
            if marker.is_file() and not marker_path(out, index).is_file():
                manifest = json.loads(marker.read_text(encoding="utf-8"))
                for entry in manifest["files"].values():
                    _bring(part / entry["path"], out / entry["path"])
                _bring(marker, marker_path(out, index))  # the marker last
    write_json(plan_path(out), plans[0])
    return finalise(out, allow_empty=allow_empty)


def _bring_images(source: Path, target: Path) -> None:
    if not source.is_dir():
        return
    for folder, _, files in os.walk(source):
        for name in files:
            if not name.startswith("."):
                file = Path(folder) / name
                _bring(file, target / file.relative_to(source))


def _bring(source: Path, target: Path) -> None:
    """Hard-link (same file system) or copy one finished file, atomically; keep an existing one."""
    if target.exists():
        return
    with atomic_path(target) as temporary:
        try:
            os.link(source, temporary)
        except OSError:
            shutil.copyfile(source, temporary)
