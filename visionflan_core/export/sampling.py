"""Deterministic selection and mixing: hashes decide, never read order or worker count.

Each candidate gets a selection hash of (seed, task, key); a task keeps its ``cap`` smallest in a
bounded heap (one pass, O(cap) memory). Rates turn available counts into quotas; the kept
examples are interleaved by a second, independent hash.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..seeding import derive_seed
from .spec import MixtureSpec


def selection_hash(seed: int, task_id: str, key: str) -> int:
    """Rank of a candidate within its task: the smallest ``quota`` ranks are kept."""
    return derive_seed(seed, "select", task_id, key)


def order_hash(seed: int, task_id: str, key: str) -> int:
    """Position of a kept example in the interleaved mixture."""
    return derive_seed(seed, "order", task_id, key)


@dataclass
class BoundedSelector:
    """The ``cap`` candidates with the smallest hashes seen so far, plus how many were seen."""

    cap: int
    seen: int = 0
    _heap: list[tuple[int, int, Any]] = field(default_factory=list)

    def offer(self, rank: int, item: Any) -> None:
        """Consider one candidate; O(log cap)."""
        self.seen += 1
        entry = (-rank, -self.seen, item)  # max-heap on rank; ties (duplicate keys) keep the first
        if len(self._heap) < self.cap:
            heapq.heappush(self._heap, entry)
        elif entry[:2] > self._heap[0][:2]:
            heapq.heapreplace(self._heap, entry)

    def kept(self) -> list[tuple[int, Any]]:
        """``(rank, item)`` pairs, smallest rank first."""
        entries = sorted(self._heap, key=lambda e: (-e[0], -e[1]))
        return [(-rank, item) for rank, _, item in entries]


def quotas(spec: MixtureSpec, available: Mapping[str, int]) -> dict[str, int]:
    """How many examples each task contributes; never above ``min(available, cap)``."""
    limits = {task: min(n, spec.cap) for task, n in sorted(available.items())}
    if not limits:
        return {}
    if spec.rate == "equal" and spec.total is None:  # tasks with nothing are not the yardstick
        floor = min((c for c in limits.values() if c > 0), default=0)
        return {task: min(c, floor) for task, c in limits.items()}
    if spec.rate == "proportional":
        if spec.total is None or spec.total >= sum(limits.values()):
            return limits
        weights = {t: float(c) for t, c in limits.items()}
    elif spec.rate == "temperature":
        weights = {t: float(c) ** (1.0 / spec.temperature) for t, c in limits.items()}
    else:
        weights = {t: 1.0 for t in limits}
    assert spec.total is not None
    return allocate(weights, limits, spec.total)


def allocate(weights: Mapping[str, float], limits: Mapping[str, int], total: int) -> dict[str, int]:
    """Share ``total`` in proportion to ``weights``, capped per task (water-filling).

    Shares a task cannot take go to the others; rounding uses largest remainders (ties by task id),
    so the result sums to ``min(total, sum(limits))`` exactly.
    """
    result = dict.fromkeys(limits, 0)
    open_tasks = {t for t in limits if limits[t] > 0 and weights[t] > 0}
    remaining = min(total, sum(limits.values()))
    while open_tasks:
        mass = sum(weights[t] for t in open_tasks)
        shares = {t: remaining * weights[t] / mass for t in open_tasks}
        full = {t for t in open_tasks if shares[t] >= limits[t]}
        if not full:
            break
        for task in full:
            result[task] = limits[task]
            remaining -= limits[task]
        open_tasks -= full
    if open_tasks:
        mass = sum(weights[t] for t in open_tasks)
        shares = {t: remaining * weights[t] / mass for t in open_tasks}
        for task in open_tasks:
            result[task] = math.floor(shares[task])
        left = remaining - sum(result[t] for t in open_tasks)
        by_remainder = sorted(open_tasks, key=lambda t: (-(shares[t] - math.floor(shares[t])), t))
        for task in by_remainder:
            if left <= 0:
                break
            if result[task] < limits[task]:
                result[task] += 1
                left -= 1
    return result


def shard_ranges(total: int, shard_size: int) -> Iterable[tuple[int, int]]:
    """``[start, stop)`` of every shard over ``total`` interleaved examples."""
    for start in range(0, total, shard_size):
        yield start, min(start + shard_size, total)
