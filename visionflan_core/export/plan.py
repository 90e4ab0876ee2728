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
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..errors import Problem, VisionFlanError
from .errors import ExportError
from .parallel import Workers, context
from .sampling import BoundedSelector, order_hash, quotas, selection_hash
from .settings import ExportContext, Settings
from .sources import ScanLog, Source
from .spec import MixtureSpec
from .stable import describe_error, stable_text

PlanItem = tuple[int, str, str, Any]  # (order hash, task id, key, payload)
SPILL_CHUNK = 512
MERGE_ITEMS = 8192  # payloads the k-way merge holds at once, over every task together


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
    chunk = max(8, min(SPILL_CHUNK, MERGE_ITEMS // max(1, len(quota))))
    for _ in workers.map(_order_task, [(task, count, chunk) for task, count in quota.items()]):
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


def check_terms(source: Source, spec: MixtureSpec, settings: Settings) -> None:
    """Stop before any work if the shards would hold a dataset whose terms forbid training.

    ``--acknowledge-terms ID`` lets a dataset through. Fixture exports are exempt: their images are
    drawn by this project, not taken from the dataset.
    """
    if spec.fixtures:
        return
    known = source.datasets()
    used = sorted({t.dataset for t in source.tasks() if t.dataset in known})
    refused = [key for key in used
               if known[key].terms.training == "forbidden" and key not in settings.acknowledge_terms]
    if refused:
        named = "; ".join(f"{key} ({known[key].name}: {known[key].terms.describe()}; licence: "
                          f"{' '.join(known[key].license.split())})" for key in refused)
        flags = " ".join(f"--acknowledge-terms {key}" for key in refused)
        raise ExportError(f"the mixture would put training-forbidden data into its shards: {named}; "
                          f"hold it out (select/holdout) or pass {flags}")


def _dataset_entries(known: dict[str, Any], tasks: list[Any]) -> dict[str, Any]:
    """Licence and citation of every dataset the mixture draws from, for the card."""
    used = sorted({t.dataset for t in tasks if t.dataset and t.dataset in known})
    return {key: known[key].card_entry() for key in used}


def _scan_unit(unit: str) -> tuple[dict[str, int], ScanLog]:
    """Worker: one pass over a unit, keeping the ``cap`` smallest hashes of each task.

    A unit of one task streams its candidates through that task's selector (memory O(cap)). A unit
    holding many tasks (a release JSON) first spills its candidates to disk by task, then selects
    one task at a time, so memory stays O(cap) instead of O(every record of the file).
    """
    ctx: ExportContext = context()
    log = ScanLog()
    grouped = _ByTask(ctx.work / "scan" / quote(unit, safe="")) if ctx.source.multi_task_units else None
    selectors: dict[str, BoundedSelector] = {}
    try:
        for candidate in ctx.source.scan(unit, log):
            if grouped is not None:
                grouped.add(candidate)
            else:
                _offer(selectors, candidate, ctx.spec.seed, ctx.spec.cap)
    except VisionFlanError:
        raise  # said on purpose (e.g. an input file that is not JSON): the export stops
    except Exception as error:  # a task's reader or loader: that task's problem only
        log.problems.append(Problem(task_id=unit, message=f"reading failed: {describe_error(error)}"))
    seen: dict[str, int] = {}
    if grouped is not None:
        for task_id in grouped.tasks():
            one: dict[str, BoundedSelector] = {}
            for candidate in grouped.candidates(task_id):
                _offer(one, candidate, ctx.spec.seed, ctx.spec.cap)
            seen[task_id] = _write_selection(ctx, task_id, one[task_id])
        grouped.remove()
    for task_id, selector in selectors.items():
        seen[task_id] = _write_selection(ctx, task_id, selector)
    return seen, log


def _offer(selectors: dict[str, BoundedSelector], candidate: Any, seed: int, cap: int) -> None:
    selector = selectors.get(candidate.task_id)
    if selector is None:
        selector = selectors[candidate.task_id] = BoundedSelector(cap)
    selector.offer(selection_hash(seed, candidate.task_id, candidate.key), candidate)


def _write_selection(ctx: ExportContext, task_id: str, selector: BoundedSelector) -> int:
    with (ctx.work / "select" / spill_name(task_id)).open("wb") as handle:
        pickle.dump([c for _, c in selector.kept()], handle, protocol=pickle.HIGHEST_PROTOCOL)
    return selector.seen


class _ByTask:
    """A unit's candidates grouped by task, in first-seen order: buffered, spilled past a bound."""

    FLUSH_AT = 2048

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.buffers: dict[str, list[Any]] = {}
        self.buffered = 0
        self.spilled: set[str] = set()

    def add(self, candidate: Any) -> None:
        self.buffers.setdefault(candidate.task_id, []).append(candidate)
        self.buffered += 1
        if self.buffered >= self.FLUSH_AT:
            self.flush()

    def flush(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for task_id, buffer in self.buffers.items():
            if buffer:
                with (self.folder / spill_name(task_id)).open("ab") as handle:
                    pickle.dump(buffer, handle, protocol=pickle.HIGHEST_PROTOCOL)
                self.spilled.add(task_id)
                self.buffers[task_id] = []
        self.buffered = 0

    def tasks(self) -> list[str]:
        return list(self.buffers)

    def candidates(self, task_id: str) -> Iterator[Any]:
        if task_id in self.spilled:
            yield from _read_spill(self.folder / spill_name(task_id))
        yield from self.buffers[task_id]

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _order_task(job: tuple[str, int, int]) -> None:
    """Worker: a task's first ``quota`` candidates, sorted by order hash, spilled in chunks.

    The merge reads one chunk per task at a time, so chunks shrink as tasks grow in number:
    the merge's memory stays bounded by :data:`MERGE_ITEMS` whatever the number of tasks.
    """
    ctx: ExportContext = context()
    task_id, quota, chunk = job
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
        for start in range(0, len(items), chunk):
            pickle.dump(items[start:start + chunk], handle, protocol=pickle.HIGHEST_PROTOCOL)


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
