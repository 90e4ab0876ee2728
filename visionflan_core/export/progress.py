"""Progress and the summary, on stderr.

On a terminal: rich bars (scanning, then one per task). Anywhere else (a log file, a SLURM job):
a plain line every ``interval`` seconds with counts, rate and ETA, and one when a phase ends, so a
long export is visibly alive. The summary (table, what was left out and why, where the output
went) is printed unless ``quiet``.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from rich.table import Table

DEFAULT_INTERVAL = 10.0


class _Lines:
    """Periodic plain progress lines for one phase."""

    def __init__(self, console: Console, what: str, unit: str, total: int, interval: float) -> None:
        self.console, self.what, self.unit, self.total = console, what, unit, total
        self.interval = interval
        self.done = 0
        self.start = self.last = time.monotonic()

    def advance(self, count: int) -> None:
        self.done += count
        now = time.monotonic()
        if now - self.last >= self.interval:
            self.last = now
            self.console.print(self.line(now), highlight=False, soft_wrap=True)

    def line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        percent = f" ({100 * self.done / self.total:.0f}%)" if self.total else ""
        left = (self.total - self.done) / rate if rate > 0 and self.total >= self.done else None
        eta = f", ETA {_duration(left)}" if left is not None and self.done < self.total else ""
        return (f"{self.what}: {self.done}/{self.total} {self.unit}{percent}, {rate:.1f} {self.unit}/s, "
                f"elapsed {_duration(elapsed)}{eta}")

    def finish(self) -> None:
        self.console.print(self.line(time.monotonic()), highlight=False, soft_wrap=True)


def _duration(value: float) -> str:
    seconds = round(value)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


class Reporter:
    """Progress while scanning and writing, then the summary.

    ``enabled``: ``None`` picks bars on a terminal and plain lines elsewhere; ``False`` shows no
    progress (the summary still prints unless ``quiet``).
    """

    def __init__(self, enabled: bool | None = None, console: Console | None = None, *,
                 quiet: bool = False, interval: float = DEFAULT_INTERVAL) -> None:
        self.console = console or Console(stderr=True, highlight=False)
        self.quiet = quiet
        terminal = self.console.is_terminal
        show = (enabled is None or enabled) and not quiet
        self.bars_on = show and terminal
        self.lines_on = show and not terminal
        self.interval = interval
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), console=self.console, disable=not self.bars_on)
        self.bars: dict[str, TaskID] = {}
        self.phase: _Lines | None = None

    def __enter__(self) -> Reporter:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()
        if self.phase is not None and exc[0] is None:
            self.phase.finish()
        self.phase = None

    def _start_phase(self, what: str, unit: str, total: int) -> None:
        if self.phase is not None:
            self.phase.finish()
        self.phase = _Lines(self.console, what, unit, total, self.interval) if self.lines_on else None

    def start_scan(self, units: int) -> None:
        self.bars["scan"] = self.progress.add_task("scanning", total=units)
        self._start_phase("scanning", "units", units)

    def unit_done(self, unit: str) -> None:
        self.progress.advance(self.bars["scan"])
        if self.phase is not None:
            self.phase.advance(1)

    def start_write(self, quotas: dict[str, int]) -> None:
        for task, quota in quotas.items():
            if quota:
                self.bars[task] = self.progress.add_task(task, total=quota)
        self._start_phase("writing", "examples", sum(quotas.values()))

    def shard_done(self, manifest: dict[str, Any]) -> None:
        done = Counter(manifest["stats"]["per_task"])
        done.update(s["task"] for s in manifest["skipped"])
        for task, count in done.items():
            if task in self.bars:
                self.progress.advance(self.bars[task], count)
        if self.phase is not None:
            self.phase.advance(sum(done.values()))

    def note(self, message: str) -> None:
        """A line worth seeing even with ``quiet`` (something was left out)."""
        self.console.print(message, highlight=False, soft_wrap=True)

    def summary(self, info: dict[str, Any], out: Path | None = None) -> None:
        """The table (unless quiet), then every kind of record or task that was left out, and why."""
        if not self.quiet:
            table = Table("task", "category", "available", "quota", "written", "skipped",
                          title=f"{info['name']}: {info['totals']['written']} examples")
            for task in info["tasks"]:
                table.add_row(task["id"], task["category"], str(task["available"]),
                              str(task["quota"]), str(task["written"]), str(task["skipped"]))
            ids = table.columns[0]
            ids.no_wrap = True  # whole task ids, whatever the width: the category wraps instead
            ids.min_width = max([len(t["id"]) for t in info["tasks"]] + [4])
            table.columns[1].overflow = "fold"
            self.console.print(table)
        for line in left_out_lines(info):
            self.note(line)
        if out is not None and not self.quiet:
            formats = ", ".join(info["settings"]["formats"])
            self.note(f"wrote {info['totals']['written']} examples ({formats}) to {out}; "
                      "info.json and README.md describe it")


def left_out_lines(info: dict[str, Any]) -> list[str]:
    """One line per kind of thing that did not reach a shard or was handled specially."""
    lines = []
    totals = info["totals"]
    unregistered = info["source"].get("unregistered_tasks") or {}
    if unregistered:
        lines.append(f"{sum(unregistered.values())} record(s) of {len(unregistered)} task name(s) no "
                     "registered task carries were exported under their release name (category "
                     "Unregistered): " + ", ".join(unregistered))
    if totals["skipped"]:
        lines.append(f"{totals['skipped']} example(s) skipped, each listed with its reason in "
                     "skipped.jsonl")
    if totals["problems"]:
        lines.append(f"{totals['problems']} malformed record(s) or unreadable task(s), listed in "
                     "problems.jsonl")
    lost = [t["id"] for t in info["tasks"] if not t["written"]]
    if lost:
        lines.append(f"{len(lost)} selected task(s) wrote nothing: {', '.join(lost)}")
    llamafactory = info.get("llamafactory") or {}
    if llamafactory.get("reason"):
        lines.append(f"no LLaMA-Factory dataset_info.json: {llamafactory['reason']}")
    broken = info.get("broken_plugins") or []
    if broken:
        lines.append(f"{len(broken)} broken plugin(s) not exported: {', '.join(broken)} "
                     "(see `vf-tasks list --broken`)")
    return lines
