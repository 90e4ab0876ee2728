"""Mergeable statistics: each shard keeps sums and histograms; the manifest adds them up.

Only mergeable quantities (counts, sums, extremes, power-of-two histograms) are kept, so the
statistics of a merged partitioned export equal those of a single run exactly.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Summary:
    """Count, sum, extremes and a power-of-two histogram of one quantity."""

    count: int = 0
    total: int = 0
    low: int | None = None
    high: int | None = None
    histogram: Counter[int] = field(default_factory=Counter)

    def add(self, value: int) -> None:
        self.count += 1
        self.total += value
        self.low = value if self.low is None else min(self.low, value)
        self.high = value if self.high is None else max(self.high, value)
        self.histogram[max(value, 1).bit_length()] += 1

    def merge(self, other: Summary) -> None:
        self.count += other.count
        self.total += other.total
        for value in (other.low, other.high):
            if value is not None:
                self.low = value if self.low is None else min(self.low, value)
                self.high = value if self.high is None else max(self.high, value)
        self.histogram.update(other.histogram)

    def to_json(self) -> dict[str, Any]:
        buckets = {f"<{1 << bits}": n for bits, n in sorted(self.histogram.items())}
        mean = round(self.total / self.count, 3) if self.count else None
        return {"count": self.count, "sum": self.total, "min": self.low, "max": self.high,
                "mean": mean, "histogram": buckets}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Summary:
        histogram = Counter({int(k[1:]).bit_length() - 1: n for k, n in raw["histogram"].items()})
        return cls(raw["count"], raw["sum"], raw["min"], raw["max"], histogram)


QUANTITIES = ("prompt_chars", "target_chars", "turns", "images_per_example", "image_width",
              "image_height")


@dataclass
class Stats:
    """Everything ``stats.json`` reports, for one shard or for the whole export."""

    summaries: dict[str, Summary] = field(default_factory=lambda: {q: Summary() for q in QUANTITIES})
    per_task: Counter[str] = field(default_factory=Counter)
    per_category: Counter[str] = field(default_factory=Counter)

    def add_example(self, task_id: str, category: str, prompt: str, target: str, turns: int,
                    sizes: list[tuple[int, int]]) -> None:
        self.per_task[task_id] += 1
        self.per_category[category] += 1
        self.summaries["prompt_chars"].add(len(prompt))
        self.summaries["target_chars"].add(len(target))
        self.summaries["turns"].add(turns)
        self.summaries["images_per_example"].add(len(sizes))
        for width, height in sizes:
            self.summaries["image_width"].add(width)
            self.summaries["image_height"].add(height)

    def merge(self, other: Stats) -> None:
        for name, summary in other.summaries.items():
            self.summaries[name].merge(summary)
        self.per_task.update(other.per_task)
        self.per_category.update(other.per_category)

    def to_json(self) -> dict[str, Any]:
        return {
            "examples": sum(self.per_task.values()),
            **{name: self.summaries[name].to_json() for name in QUANTITIES},
            "per_category": dict(sorted(self.per_category.items())),
            "per_task": dict(sorted(self.per_task.items())),
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Stats:
        return cls({name: Summary.from_json(raw[name]) for name in QUANTITIES},
                   Counter(raw["per_task"]), Counter(raw["per_category"]))
