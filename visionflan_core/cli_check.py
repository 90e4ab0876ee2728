"""`vf-tasks check`: a data check of real data, per task, with full paths and totals."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli import registry_of
from .cli_tasks import selected_ids
from .completion import complete_task_ids


@click.command()
@click.argument("task_ids", nargs=-1, shell_complete=complete_task_ids)
@click.option("--data-root", required=True,
              type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Raw datasets, one folder per dataset (as for `vf-tasks export`).")
@click.option("--decode", is_flag=True, help="Decode every image (slower) instead of header + end marker.")
@click.option("--strict", is_flag=True, help="Stop at the first task with a problem.")
@click.pass_context
def check(ctx: click.Context, task_ids: tuple[str, ...], data_root: Path, decode: bool,
          strict: bool) -> None:
    """Read TASK... (default: every task) from --data-root and report what is missing or malformed.

    Where a dataset declares its official split sizes, records found are set against records
    expected per split (a partial download shows as INCOMPLETE). Writes nothing. Exit status 1 if
    any task has a problem, no records, or a split that is not complete.
    """
    from .check import check_task

    registry = registry_of(ctx)
    ids = selected_ids(registry, task_ids, all_tasks=not task_ids)
    quiet = int((ctx.find_root().obj or {}).get("verbosity", 0)) < 0
    totals = {"tasks": 0, "ok": 0, "records": 0, "images": 0, "problems": 0}
    for task_id in ids:
        result = check_task(registry, task_id, data_root, decode=decode)
        totals["tasks"] += 1
        totals["ok"] += result.ok
        totals["records"] += result.records
        totals["images"] += result.images
        totals["problems"] += len(result.problems)
        if not (quiet and result.ok):
            click.echo(f"{task_id}: {result.status}: {result.records} record(s), {result.images} image(s), "
                       f"{len(result.problems)} problem(s) in {result.folder}")
            for split in result.splits:
                click.echo(f"  {split.describe()}")
            if result.unplaced:
                click.echo(f"  {result.unplaced:,} record(s) in none of the declared splits")
        for problem in result.problems:
            click.echo(f"  {problem}")
        if strict and not result.ok:
            break
    failed = totals["tasks"] - totals["ok"]
    click.echo(f"check: {totals['tasks']} task(s), {totals['ok']} ok, {failed} with problems, no "
               f"records or incomplete splits; {totals['records']} record(s), {totals['images']} image(s), "
               f"{totals['problems']} problem(s)", err=True)
    if failed:
        sys.exit(1)
