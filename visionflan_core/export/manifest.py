"""The files that describe a finished export, built only from what is on disk.

``finalise`` reads the plan and the shard markers, so a single run, a resumed run and a merge of
partitions all produce the same ``info.json``, ``stats.json``, reports and card; ``COMPLETED`` is
written last and is the only sign that an export is whole.
"""

from __future__ import annotations

import json
import platform
from collections import Counter
from dataclasses import asdict
from importlib import metadata
from pathlib import Path
from typing import Any

from .card import dataset_card
from .errors import ExportError
from .fsutil import dump_json, write_bytes, write_json
from .llamafactory import DATA_CONFIG, dataset_info, dataset_name, images_problem
from .output_dir import PARTS
from .shard import marker_path
from .stats import Stats
from .writers import ShardFile
from .writers.llava import SINGLE_FILE, join_shards

FORMAT_VERSION = 1
PLAN_FILE = "plan.json"
COMPLETED = "COMPLETED"
PACKAGES = ("visionflan", "pillow", "jinja2", "pydantic", "datasets", "pyarrow", "webdataset",
            "huggingface_hub")


def plan_path(out: Path) -> Path:
    return out / PARTS / PLAN_FILE


def read_plan(out: Path) -> dict[str, Any]:
    """The plan recorded in an output (or partition) folder."""
    path = plan_path(out)
    if not path.is_file():
        raise ExportError(f"{out} holds no export plan ({PARTS}/{PLAN_FILE})")
    plan: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return plan


def shard_manifests(out: Path, plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Every shard's manifest, in order; fails naming the shards that are not written."""
    missing = [i for i in range(plan["num_shards"]) if not marker_path(out, i).is_file()]
    if missing:
        raise ExportError(f"{out}: {len(missing)} shard(s) not written, e.g. {missing[:5]}")
    return [json.loads(marker_path(out, i).read_text(encoding="utf-8"))
            for i in range(plan["num_shards"])]


def finalise(out: Path, *, allow_empty: bool = False) -> dict[str, Any]:
    """Write reports, ``stats.json``, ``info.json``, ``README.md`` and finally ``COMPLETED``.

    An export that wrote nothing, or in which a planned task lost every example, gets its reports
    but no ``COMPLETED``, and fails saying why (unless ``allow_empty``).
    """
    plan = read_plan(out)
    shards = shard_manifests(out, plan)
    stats = Stats()
    skipped: list[dict[str, Any]] = []
    for shard in shards:
        stats.merge(Stats.from_json(shard["stats"]))
        skipped.extend(shard["skipped"])
    write_bytes(out / "skipped.jsonl", b"".join(dump_json(s, indent=None) for s in skipped))
    write_bytes(out / "problems.jsonl",
                b"".join(dump_json(p, indent=None) for p in plan["problems"]))
    write_json(out / "stats.json", stats.to_json())
    info = _info(plan, shards, stats, skipped)
    if "llava" in plan["settings"]["formats"]:
        info.update(_llava_files(out, plan, shards, stats))
    write_json(out / "info.json", info)
    write_bytes(out / "README.md", dataset_card(info).encode("utf-8"))
    if not allow_empty:
        _refuse_empty(out, info, skipped)
    write_bytes(out / COMPLETED, b"")
    return info


def _llava_files(out: Path, plan: dict[str, Any], shards: list[dict[str, Any]],
                 stats: Stats) -> dict[str, Any]:
    """The single JSON list (``--llava-single-file``) and LLaMA-Factory's ``dataset_info.json``.

    ``dataset_info.json`` points at the single file when there is one, else at the ``llava/``
    folder; when the records' image counts make the ``image`` field unloadable as one column it is
    not written, and ``info.json`` (then the card and the summary) says why.
    """
    described: dict[str, Any] = {}
    target = "llava"
    if plan["settings"].get("llava_single_file"):
        join_shards(out, [shard["files"]["llava"]["path"] for shard in shards], out / SINGLE_FILE)
        described["llava_single_file"] = {**asdict(ShardFile.of(out, SINGLE_FILE)),
                                          "examples": sum(shard["examples"] for shard in shards)}
        target = SINGLE_FILE
    images = stats.to_json()["images_per_example"]
    name = dataset_name(plan["mixture"]["name"])
    if (why := images_problem(images)) is not None:
        (out / DATA_CONFIG).unlink(missing_ok=True)  # a resumed finalise may have written one before
        described["llamafactory"] = {"file": None, "dataset": name, "reason": why}
    else:
        write_json(out / DATA_CONFIG, dataset_info(plan["mixture"]["name"], target, images))
        described["llamafactory"] = {"file": DATA_CONFIG, "dataset": name, "file_name": target}
    return described


def _refuse_empty(out: Path, info: dict[str, Any], skipped: list[dict[str, Any]]) -> None:
    reasons: dict[str, str] = {}
    for skip in skipped:
        reasons.setdefault(skip["task"], skip["reason"])
    emptied = [t["id"] for t in info["tasks"] if t["quota"] and not t["written"]]
    named = ", ".join(f"{task} ({reasons.get(task, 'nothing written')})" for task in emptied[:5])
    more = f" and {len(emptied) - 5} more" if len(emptied) > 5 else ""
    if info["totals"]["written"] == 0:
        raise ExportError(f"{out}: 0 examples written ({info['totals']['skipped']} skipped, see "
                          f"skipped.jsonl{': ' + named + more if named else ''}); no {COMPLETED} "
                          "(--allow-empty to accept)")
    if emptied:
        raise ExportError(f"{out}: {len(emptied)} task(s) lost every example: {named}{more} (see "
                          f"skipped.jsonl); no {COMPLETED} (--allow-empty to accept)")


def _info(plan: dict[str, Any], shards: list[dict[str, Any]], stats: Stats,
          skipped: list[dict[str, Any]]) -> dict[str, Any]:
    skipped_per_task = Counter(s["task"] for s in skipped)
    tasks = [{**task, "written": stats.per_task.get(task["id"], 0),
              "skipped": skipped_per_task.get(task["id"], 0)} for task in plan["tasks"]]
    return {
        "format_version": FORMAT_VERSION,
        "name": plan["mixture"]["name"],
        "fingerprint": plan["fingerprint"],
        "mixture": plan["mixture"],
        "settings": plan["settings"],
        "source": plan["source"],
        "packages": _versions(),
        "totals": {
            "tasks": len(tasks),
            "available": sum(t["available"] for t in tasks),
            "planned": plan["total"],
            "written": sum(t["written"] for t in tasks),
            "skipped": len(skipped),
            "problems": len(plan["problems"]),
            "unregistered_task_records": sum(plan["source"].get("unregistered_tasks", {}).values()),
            "lost_tasks": sum(1 for t in tasks if not t["written"]),
        },
        "broken_plugins": plan.get("broken_plugins", []),
        "tasks": tasks,
        "datasets": plan["datasets"],
        "shards": [{"index": s["index"], "examples": s["examples"], "files": s["files"]}
                   for s in shards],
    }


def _versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions
