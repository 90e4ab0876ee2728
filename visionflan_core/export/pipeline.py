"""Run an export: plan, write this partition's missing shards in parallel, then finalise.

Resuming recomputes the plan, refuses if it differs from the recorded one, and writes only shards
without a completion marker; partitions write every K-th shard and leave finalising to merge.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from .fsutil import write_json
from .manifest import finalise, plan_path, read_plan
from .parallel import Workers
from .plan import Plan, build_plan
from .progress import Reporter
from .settings import ExportContext, ExportError, RunOptions, Settings
from .shard import PARTS, ShardJob, marker_path, write_shard
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
    prepare_output(out, resume=options.resume, overwrite=options.overwrite)
    work = out / WORK
    shutil.rmtree(work, ignore_errors=True)
    ctx = ExportContext(source, spec, settings, out, work,
                        {task.id: task.category for task in source.tasks()})
    with Workers(ctx, options.workers) as workers, reporter:
        reporter.start_scan(len(source.units()))
        plan = build_plan(workers, reporter.unit_done)
        _check_plan(out, plan, settings, options)
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
    info = finalise(out)
    reporter.summary(info)
    return info


def prepare_output(out: Path, *, resume: bool, overwrite: bool) -> None:
    """An empty folder to write into, or the folder of an interrupted run when resuming."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        if overwrite:
            shutil.rmtree(out)
        elif resume:
            _remove_partial_files(out)
        else:
            raise ExportError(f"{out} is not empty: pass --resume to finish it or --overwrite")
    out.mkdir(parents=True, exist_ok=True)


def _remove_partial_files(out: Path) -> None:
    """Temporaries of an interrupted run: their final files never appeared, so they are redone."""
    for folder, _, files in os.walk(out):
        for name in files:
            if name.startswith(".") and (".tmp-" in name or name.endswith(".partial")):
                (Path(folder) / name).unlink()


def _check_plan(out: Path, plan: Plan, settings: Settings, options: RunOptions) -> None:
    problems = plan.description["problems"]
    if settings.strict and problems:
        first = problems[0]
        raise ExportError(f"{len(problems)} malformed record(s) or unreadable task(s), first: "
                          f"{first['task']}: {first['record'] or ''} {first['message']} (--strict)")
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
