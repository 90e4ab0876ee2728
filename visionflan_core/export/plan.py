"""The plan: which examples are written, in which order, split into which shards.

Scanning runs per unit in parallel: each task keeps its ``cap`` smallest selection hashes (spilled
to disk), quotas follow from the available counts, and each task's quota is sorted by its order
hash into a spill file. The mixture is then a streaming k-way merge of those files, so memory stays
O(cap) per worker and O(tasks) in the main process, whatever the input size.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import pickle
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..errors import Problem, VisionFlanError
from .parallel import Workers, context
from .sampling import BoundedSelector, order_hash, quotas, selection_hash
from .settings import ExportContext
from .sources import ScanLog
from .stable import describe_error, stable_text

PlanItem = tuple[int, str, str, Any]  # (order hash, task id, key, payload)
SPILL_CHUNK = 512


@dataclass
class Plan:
    """The fingerprinted description of the output, and a way to stream its examples."""

    description: dict[str, Any]
    work: Path

    @property
    def fingerprint(self) -> str:
        return str(self.description["fingerprint"])

    @property
    def num_shards(self) -> int:
        return int(self.description["num_shards"])

    @property
    def quotas(self) -> dict[str, int]:
        return {t["id"]: t["quota"] for t in self.description["tasks"]}

    def stream(self) -> Iterator[PlanItem]:
        """Every planned example in mixture order."""
        streams = [_read_spill(self.work / "order" / spill_name(task)) for task in self.quotas]
        yield from heapq.merge(*streams, key=lambda item: item[:3])


def build_plan(workers: Workers, on_unit: Callable[[str], None] | None = None,
               problems: list[Problem] | None = None) -> Plan:
    """Scan, select, allocate and order; returns the plan (spill files under the work folder).

    ``problems`` (tasks that did not load) are reported with the ones the scan finds.
    """
    ctx: ExportContext = context()
    for folder in ("select", "order"):
        (ctx.work / folder).mkdir(parents=True, exist_ok=True)
    available: Counter[str] = Counter()
    log = ScanLog(problems=list(problems or []))
    for unit, (seen, unit_log) in zip(ctx.source.units(), workers.map(_scan_unit, ctx.source.units()),
                                      strict=True):
        available.update(seen)
        log.problems.extend(unit_log.problems)
        if on_unit is not None:
            on_unit(unit)
    tasks = ctx.source.tasks()
    quota = quotas(ctx.spec, {t.id: available[t.id] for t in tasks})
    for _ in workers.map(_order_task, list(quota.items())):
        pass
    hashes = ctx.source.template_hashes()
    places = ctx.source.places()
    total = sum(quota.values())
    description: dict[str, Any] = {
        "mixture": ctx.spec.model_dump(mode="json"),
        "settings": ctx.settings.describe(),
        "source": ctx.source.describe(),
        "tasks": [
            {"id": t.id, "release_name": t.release_name, "category": t.category,
             "dataset": t.dataset, "version": t.version, "templates": hashes.get(t.id, {}),
             "available": available[t.id], "quota": quota[t.id]}
            for t in tasks
        ],
        "datasets": _dataset_entries(ctx.source.datasets(), tasks),
        "problems": [_problem_json(p, places) for p in log.problems],
        "broken_plugins": ctx.source.broken_plugins(),
        "total": total,
        "num_shards": -(-total // ctx.settings.shard_size),
    }
    body = json.dumps(description, sort_keys=True, ensure_ascii=False).encode()
    description["fingerprint"] = hashlib.sha256(body).hexdigest()
    return Plan(description, ctx.work)


def _dataset_entries(known: dict[str, Any], tasks: list[Any]) -> dict[str, Any]:
    """Licence and citation of every dataset the mixture draws from, for the card."""
    used = sorted({t.dataset for t in tasks if t.dataset and t.dataset in known})
    return {key: known[key].card_entry() for key in used}


def _scan_unit(unit: str) -> tuple[dict[str, int], ScanLog]:
    """Worker: one pass over a unit, keeping the ``cap`` smallest hashes of each task."""
    ctx: ExportContext = context()
    seed, cap = ctx.spec.seed, ctx.spec.cap
    selectors: dict[str, BoundedSelector] = {}
    log = ScanLog()
    try:
        for candidate in ctx.source.scan(unit, log):
            selector = selectors.get(candidate.task_id)
            if selector is None:
                selector = selectors[candidate.task_id] = BoundedSelector(cap)
            selector.offer(selection_hash(seed, candidate.task_id, candidate.key), candidate)
    except VisionFlanError:
        raise  # said on purpose (e.g. an input file that is not JSON): the export stops
    except Exception as error:  # a task's reader or loader: that task's problem only
        log.problems.append(Problem(task_id=unit, message=f"reading failed: {describe_error(error)}"))
    for task_id, selector in selectors.items():
        with (ctx.work / "select" / spill_name(task_id)).open("wb") as handle:
            pickle.dump([c for _, c in selector.kept()], handle, protocol=pickle.HIGHEST_PROTOCOL)
    return {task: s.seen for task, s in selectors.items()}, log


def _order_task(task_quota: tuple[str, int]) -> None:
    """Worker: a task's first ``quota`` candidates, sorted by order hash, spilled in chunks."""
    ctx: ExportContext = context()
    task_id, quota = task_quota
    selected = ctx.work / "select" / spill_name(task_id)
    kept = []
    if selected.is_file():
        with selected.open("rb") as handle:
            kept = pickle.load(handle)[:quota]
    items = sorted(
        ((order_hash(ctx.spec.seed, c.task_id, c.key), c.task_id, c.key, c.payload) for c in kept),
        key=lambda item: item[:3],
    )
    with (ctx.work / "order" / spill_name(task_id)).open("wb") as handle:
        for start in range(0, len(items), SPILL_CHUNK):
            pickle.dump(items[start:start + SPILL_CHUNK], handle, protocol=pickle.HIGHEST_PROTOCOL)


def spill_name(task_id: str) -> str:
    """A file name for a task's spill: task ids from a release JSON may hold any character."""
    return quote(task_id, safe="") + ".pkl"


def _read_spill(path: Path) -> Iterator[PlanItem]:
    with path.open("rb") as handle:
        while True:
            try:
                chunk = pickle.load(handle)
            except EOFError:
                return
            yield from chunk


def _problem_json(problem: Problem, places: list[tuple[Path | str, str]]) -> dict[str, Any]:
    return {"task": problem.task_id,
            "file": stable_text(problem.file, places) if problem.file else problem.file,
            "record": problem.record_id, "field": problem.field,
            "message": stable_text(problem.message, places)}
