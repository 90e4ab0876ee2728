"""``vf-eval score``: stream predictions files once, score every row with its task's metric.

One pass, constant work per row; memory holds one accumulator per task (plus the captions of caption
tasks, see :mod:`.captions`) and one 64-bit key per row to catch duplicates. A row that cannot be
scored is listed with its file, line, field and reason, and the run goes on.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .metrics import TaskScore
from .schema import RowError, parse_row


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row that did not reach the results, and why."""

    file: str
    line: int
    field: str
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "field": self.field, "reason": self.reason}


def _macro(tasks: list[dict[str, object]]) -> dict[str, object]:
    values = [float(t["value"]) for t in tasks]  # type: ignore[arg-type]
    return {
        "macro_average": sum(sorted(values)) / len(values) if values else 0.0,
        "n": sum(int(t["n"]) for t in tasks),  # type: ignore[call-overload]
        "tasks": len(tasks),
    }


def score_files(paths: Iterable[Path], on_skip: Callable[[Skipped], None]) -> dict[str, object]:
    """Score the rows of ``paths`` (JSON Lines, in order) and return the results document.

    Values are in each metric's own scale (fractions in [0, 1]; CIDEr as pycocoevalcap reports it,
    where 1.0 is "100 CIDEr"); averages are unweighted over tasks (macro)."""
    tasks: dict[str, TaskScore] = {}
    seen: set[int] = set()
    skipped: Counter[str] = Counter()
    files = []
    for path in paths:
        files.append(str(path))
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                try:
                    _score_line(raw, tasks, seen)
                except RowError as e:
                    skipped[e.field] += 1
                    on_skip(Skipped(str(path), number, e.field, e.reason))
    results = {task_id: tasks[task_id].result() for task_id in sorted(tasks)}
    by_category: dict[str, list[dict[str, object]]] = {}
    for result in results.values():
        by_category.setdefault(str(result["category"]), []).append(result)
    return {
        "categories": {name: _macro(by_category[name]) for name in sorted(by_category)},
        "files": files,
        "overall": _macro(list(results.values())),
        "skipped": {"rows": sum(skipped.values()), "by_field": dict(sorted(skipped.items()))},
        "tasks": results,
    }


def _score_line(raw: bytes, tasks: dict[str, TaskScore], seen: set[int]) -> None:
    try:
        decoded = json.loads(raw)
    except ValueError as e:  # JSONDecodeError and UnicodeDecodeError both
        raise RowError("(json)", f"not a JSON object: {e}") from None
    row = parse_row(decoded)
    key = hash((row.task_id, row.id))
    if key in seen:
        raise RowError("id", f"duplicate id {row.id!r} in task {row.task_id!r}")
    task = tasks.get(row.task_id)
    if task is None:  # the task's first scorable row fixes its metric and category
        task = TaskScore(row.task_id, row.metric, row.category)
        task.add(row)
        tasks[row.task_id] = task
    elif row.metric != task.metric:
        raise RowError("metric", f"{row.metric!r}, but task {row.task_id!r} is scored with {task.metric!r}")
    elif row.category != task.category:
        raise RowError("category", f"{row.category!r}, but task {row.task_id!r} is in {task.category!r}")
    else:
        task.add(row)
    seen.add(key)
