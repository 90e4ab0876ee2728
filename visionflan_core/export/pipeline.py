"""Run an export: plan, write this partition's missing shards in parallel, then finalise.

Resuming recomputes the plan, refuses if it differs from the recorded one, and writes only shards
without a completion marker; partitions write every K-th shard and leave finalising to merge.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from .errors import ExportError
from .fsutil import write_json
from .guard import guard
from .manifest import finalise, plan_path, read_plan
from .output_dir import PARTS, prepare_output
from .parallel import Workers
from .plan import Plan, build_plan, check_terms
from .progress import Reporter
from .settings import ExportContext, RunOptions, Settings
from .shard import ShardJob, marker_path, write_shard
from .sources import Source
from .spec import MixtureSpec

WORK = ".work"
ShardHook = Callable[[dict[str, Any]], None]


def run_export(
    source: Source,
    spec: MixtureSpec,
    out: Path,
    settings: Settings,
    options: RunOptions | None = None,
    *,
    reporter: Reporter | None = None,
    on_shard: ShardHook | None = None,
) -> dict[str, Any] | None:
    """Export ``spec`` from ``source`` into ``out``; returns ``info.json`` once the export is whole.

    ``on_shard`` is called in the main process after each shard is written (tests inject faults).
    """
    options = options or RunOptions()
    reporter = reporter or Reporter()
    guarded = guard(source)
    check_terms(guarded, spec, settings)
    prepare_output(out, resume=options.resume, overwrite=options.overwrite, inputs=guarded.inputs())
    work = out / WORK
    shutil.rmtree(work, ignore_errors=True)
    ctx = ExportContext(guarded, spec, settings, out, work,
                        {task.id: task.category for task in guarded.tasks()})
    with Workers(ctx, options.workers) as workers, reporter:
        reporter.start_scan(len(guarded.units()))
        plan = build_plan(workers, reporter.unit_done, list(guarded.failed.values()))
        check_plan(plan, settings)
        _check_resume(out, plan, options)
        write_json(plan_path(out), plan.description)
        reporter.start_write(plan.quotas)
        for manifest in workers.map(write_shard, _jobs(plan, settings, options, out, reporter)):
            reporter.shard_done(manifest)
            if on_shard is not None:
                on_shard(manifest)
    shutil.rmtree(work, ignore_errors=True)
    if options.num_partitions > 1:
        write_json(out / PARTS / f"partition-{options.partition_index}-of-{options.num_partitions}",
                   {"index": options.partition_index, "of": options.num_partitions})
        return None
    info = finalise(out, allow_empty=settings.allow_empty)
    reporter.summary(info, out)
    return info


def plan_export(source: Source, spec: MixtureSpec, settings: Settings, workers: int = 1,
                reporter: Reporter | None = None) -> dict[str, Any]:
    """The plan alone (``--dry-run``): per-task available and planned counts; writes no output.

    Fails as the export would on a plan with nothing in it or with a lost task.
    """
    guarded = guard(source)
    check_terms(guarded, spec, settings)
    reporter = reporter or Reporter()
    with tempfile.TemporaryDirectory(prefix="vf-plan-") as scratch:
        work = Path(scratch)
        ctx = ExportContext(guarded, spec, settings, work, work,
                            {task.id: task.category for task in guarded.tasks()})
        with Workers(ctx, workers) as pool, reporter:
            reporter.start_scan(len(guarded.units()))
            plan = build_plan(pool, reporter.unit_done, list(guarded.failed.values()))
    check_plan(plan, settings)
    return plan.description


def check_plan(plan: Plan, settings: Settings) -> None:
    """Refuse a plan that writes nothing or loses a selected task (unless ``allow_empty``)."""
    description = plan.description
    problems = description["problems"]
    if settings.strict and problems:
        first = problems[0]
        raise ExportError(f"{len(problems)} malformed record(s) or unreadable task(s), first: "
                          f"{first['task']}: {first['record'] or ''} {first['message']} (--strict)")
    if settings.allow_empty:
        return
    lost = lost_tasks(description["tasks"], problems, "available")
    if description["total"] == 0:
        why = f": {_name_lost(lost)}" if lost else ""
        raise ExportError(f"nothing to export: the plan holds 0 examples{why} (--allow-empty to "
                          "write an empty export)")
    if lost:
        raise ExportError(f"{len(lost)} selected task(s) give no examples: {_name_lost(lost)}; "
                          "hold them out (holdout.tasks) or pass --allow-empty")


def lost_tasks(tasks: list[dict[str, Any]], problems: list[dict[str, Any]],
               count: str) -> dict[str, str]:
    """Tasks whose ``count`` is 0, each with the first reported reason (or a generic one)."""
    reasons: dict[str, str] = {}
    for problem in problems:
        reasons.setdefault(problem["task"], problem["message"])
    return {t["id"]: reasons.get(t["id"], f"no records ({count} 0)") for t in tasks if not t[count]}


def _name_lost(lost: dict[str, str], limit: int = 5) -> str:
    named = [f"{task} ({reason})" for task, reason in list(lost.items())[:limit]]
    more = f" and {len(lost) - limit} more" if len(lost) > limit else ""
    return ", ".join(named) + more


def _check_resume(out: Path, plan: Plan, options: RunOptions) -> None:
    if options.resume and plan_path(out).is_file():
        recorded = read_plan(out)["fingerprint"]
        if recorded != plan.fingerprint:
            raise ExportError(f"{out} was planned from another spec, settings or data "
                              f"(fingerprint {recorded[:12]} != {plan.fingerprint[:12]}); "
                              "cannot resume it")


def _jobs(plan: Plan, settings: Settings, options: RunOptions, out: Path,
          reporter: Reporter) -> Iterator[ShardJob]:
    """This partition's shards that are not written yet (all items are read to keep the order)."""
    stream = plan.stream()
    for index in range(plan.num_shards):
        start = index * settings.shard_size
        items = list(islice(stream, settings.shard_size))
        if index % options.num_partitions != options.partition_index:
            continue
        marker = marker_path(out, index)
        if options.resume and marker.is_file():
            reporter.shard_done(json.loads(marker.read_text(encoding="utf-8")))
            continue
        yield ShardJob(index, start, items)
