"""Which tasks a mixture selects, refusing every name, pattern or filter that selects nothing.

A misspelt include, a holdout naming no task, a category or dataset no task has: each is an error
with the closest valid names ("did you mean"), never an export that silently drops it. A broken
plugin the mixture's patterns reach is an error too, unless the mixture holds it out (or narrows the
selection by category or dataset, which a broken plugin's unreadable metadata cannot be matched on).
"""

from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .errors import ExportError
from .spec import MixtureSpec


class Known(NamedTuple):
    """What selection matches on: a task's id, release name, category and source dataset."""

    id: str
    release_name: str | None
    category: str
    dataset: str | None


class Broken(NamedTuple):
    """A plugin that could not be loaded: its name (usually the task id) and why."""

    name: str
    reason: str


def _matches(pattern: str, task: Known) -> bool:
    return fnmatch.fnmatchcase(task.id, pattern) or fnmatch.fnmatchcase(task.release_name or "", pattern)


def _hint(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(set(choices)), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def select(universe: Sequence[Known], spec: MixtureSpec, broken: Sequence[Broken] = ()) -> list[str]:
    """Ids (sorted) that ``spec.select`` picks and ``spec.holdout`` leaves in.

    Raises :class:`ExportError` naming every pattern or filter that matches nothing and every
    selected broken plugin.
    """
    errors: list[str] = []
    names = [t.id for t in universe] + [t.release_name for t in universe if t.release_name]
    broken_names = [b.name for b in broken]
    for where, patterns in (("select.include", spec.select.include), ("holdout.tasks", spec.holdout.tasks)):
        for pattern in patterns:
            if not any(_matches(pattern, t) for t in universe) and not any(
                fnmatch.fnmatchcase(b, pattern) for b in broken_names
            ):
                errors.append(f"{where} {pattern!r} matches no task{_hint(pattern, names)}")
    categories = {t.category.lower(): t.category for t in universe}
    datasets = {(t.dataset or "").lower(): t.dataset or "" for t in universe if t.dataset}
    for where, values, known in (("select.categories", spec.select.categories, categories),
                                 ("select.datasets", spec.select.datasets, datasets),
                                 ("holdout.categories", spec.holdout.categories, categories)):
        for value in values:
            if value.lower() not in known:
                errors.append(f"{where} {value!r} matches no task{_hint(value, known.values())}")
    narrowed = bool(spec.select.categories or spec.select.datasets)
    for plugin in broken:
        reached = any(fnmatch.fnmatchcase(plugin.name, p) for p in spec.select.include)
        held = any(fnmatch.fnmatchcase(plugin.name, p) for p in spec.holdout.tasks)
        if reached and not held and not narrowed:
            errors.append(f"task {plugin.name!r} is selected but broken ({plugin.reason}); fix it or "
                          "exclude it with holdout.tasks")
    if errors:
        raise ExportError(f"mixture {spec.name}: " + "; ".join(errors))
    return _chosen(universe, spec)


def _chosen(universe: Sequence[Known], spec: MixtureSpec) -> list[str]:
    categories = {c.lower() for c in spec.select.categories}
    datasets = {d.lower() for d in spec.select.datasets}
    held_categories = {c.lower() for c in spec.holdout.categories}
    chosen = []
    for task in universe:
        if not any(_matches(p, task) for p in spec.select.include):
            continue
        if any(_matches(p, task) for p in spec.holdout.tasks):
            continue
        category = task.category.lower()
        if category in held_categories or (categories and category not in categories):
            continue
        if datasets and (task.dataset or "").lower() not in datasets:
            continue
        chosen.append(task.id)
    return sorted(chosen)
