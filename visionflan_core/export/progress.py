"""Progress on stderr (a rich bar per task; off when stderr is not a terminal) and the summary."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from rich.table import Table


class Reporter:
    """Scanning bar, then one writing bar per task; the summary table is always printed."""

    def __init__(self, enabled: bool | None = None, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        enabled = self.console.is_terminal if enabled is None else enabled
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), console=self.console, disable=not enabled)
        self.bars: dict[str, TaskID] = {}

    def __enter__(self) -> Reporter:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def start_scan(self, units: int) -> None:
        self.bars["scan"] = self.progress.add_task("scanning", total=units)

    def unit_done(self, unit: str) -> None:
        self.progress.advance(self.bars["scan"])

    def start_write(self, quotas: dict[str, int]) -> None:
        for task, quota in quotas.items():
            if quota:
                self.bars[task] = self.progress.add_task(task, total=quota)

    def shard_done(self, manifest: dict[str, Any]) -> None:
        done = Counter(manifest["stats"]["per_task"])
        done.update(s["task"] for s in manifest["skipped"])
        for task, count in done.items():
            if task in self.bars:
                self.progress.advance(self.bars[task], count)

    def summary(self, info: dict[str, Any]) -> None:
        table = Table("task", "category", "available", "quota", "written", "skipped",
                      title=f"{info['name']}: {info['totals']['written']} examples")
        for task in info["tasks"]:
            table.add_row(task["id"], task["category"], str(task["available"]), str(task["quota"]),
                          str(task["written"]), str(task["skipped"]))
        self.console.print(table)
        unknown = info["source"].get("unknown_tasks") or {}
        if unknown:
            self.console.print(f"{sum(unknown.values())} record(s) of {len(unknown)} unknown task "
                               f"name(s) left out: {', '.join(unknown)}")
        totals = info["totals"]
        if totals["skipped"] or totals["problems"]:
            self.console.print(f"{totals['skipped']} example(s) skipped (skipped.jsonl), "
                               f"{totals['problems']} malformed record(s) (problems.jsonl)")
