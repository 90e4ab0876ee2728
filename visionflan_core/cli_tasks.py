"""`vf-tasks show`, `validate` and `new`: loaded only when invoked, to keep `list` start-up lean."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .cli import registry_of
from .completion import complete_task_ids
from .errors import Problem, TaskError, UnknownTaskError, VisionFlanError


def _strict(ctx: click.Context, strict: bool) -> bool:
    return strict or bool((ctx.find_root().obj or {}).get("strict"))


def selected_ids(registry: Any, task_ids: tuple[str, ...], all_tasks: bool) -> list[str]:
    """Every named task id checked before any work: all unknown names in one error."""
    if not task_ids and not all_tasks:
        raise click.UsageError("name tasks, or pass --all")
    if all_tasks:
        return list(registry.entries)
    ids, unknown = [], []
    for name in task_ids:
        try:
            ids.append(registry.get(name).id)
        except UnknownTaskError as error:
            unknown.append(str(error))
    if unknown:
        raise UnknownTaskError("; ".join(unknown))
    return list(dict.fromkeys(ids))


def task_failure(task_id: str, error: BaseException) -> Problem:
    """Any exception of one task (its loader, reader, formatter or template) as its problem."""
    if isinstance(error, TaskError):
        return error.problem
    message = " ".join(str(error).split())
    return Problem(task_id=task_id, message=f"{type(error).__name__}: {message}" if message
                   else type(error).__name__)


@click.command()
@click.argument("task_ids", nargs=-1, shell_complete=complete_task_ids)
@click.option("--all", "all_tasks", is_flag=True, help="Every registered task.")
@click.option("-n", "count", default=3, show_default=True, type=click.IntRange(min=1),
              help="How many examples per task.")
@click.option("--data-root", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Read real data from <DIR>/<dataset>/ instead of the bundled fixture.")
@click.option("--seed", default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print examples as JSON lines.")
@click.option("--strict", is_flag=True, help="Stop at the first task or record that fails.")
@click.pass_context
def show(ctx: click.Context, task_ids: tuple[str, ...], all_tasks: bool, count: int,
         data_root: Path | None, seed: int, as_json: bool, strict: bool) -> None:
    """Render examples of tasks from their fixtures or from real data.

    A task that fails (any exception) is reported on stderr and the others are still shown; the
    exit status is 1 if any task failed or showed nothing.
    """
    import itertools
    import json

    from rich.console import Console
    from rich.panel import Panel

    registry = registry_of(ctx)
    ids = selected_ids(registry, task_ids, all_tasks)
    strict = _strict(ctx, strict)
    console = Console(highlight=False)
    failed: list[str] = []
    for task_id in ids:
        problems: list[Problem] = []
        shown = 0
        try:
            task = registry.load(task_id)
            for example in itertools.islice(task.examples(data_root, seed=seed, problems=problems),
                                            count):
                shown += 1
                if as_json:
                    click.echo(json.dumps(example.to_json(), ensure_ascii=False))
                    continue
                body = (f"[bold]human[/]\n{_escape(example.prompt)}\n\n"
                        f"[bold]gpt[/]\n{_escape(example.target)}")
                console.print(Panel(body, title=example.id, subtitle=", ".join(example.images)))
        except Exception as error:  # this task only: the others are still shown
            problems.append(task_failure(task_id, error))
            failed.append(task_id)
        for problem in problems:
            click.echo(f"skipped: {problem}", err=True)
        if not shown and task_id not in failed:
            click.echo(f"{task_id}: no examples to show", err=True)
            failed.append(task_id)
        if failed and strict:
            raise VisionFlanError(f"{failed[0]} failed (--strict)")
    if failed:
        click.echo(f"show: {len(failed)} of {len(ids)} task(s) failed: {', '.join(failed)}", err=True)
        sys.exit(1)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@click.command()
@click.argument("task_ids", nargs=-1, shell_complete=complete_task_ids)
@click.option("--all", "all_tasks", is_flag=True, help="Validate every registered task.")
@click.option("--update-snapshots", is_flag=True, help="Rewrite golden snapshots that differ.")
@click.option("--strict", is_flag=True, help="Stop at the first task that fails.")
@click.pass_context
def validate(ctx: click.Context, task_ids: tuple[str, ...], all_tasks: bool,
             update_snapshots: bool, strict: bool) -> None:
    """Check metadata, templates, fixtures, data and snapshots; one line per problem."""
    from .validate import validate_registry, validate_task

    registry = registry_of(ctx)
    ids = selected_ids(registry, task_ids, all_tasks)
    strict = _strict(ctx, strict)
    problems = validate_registry(registry) if all_tasks else []
    for problem in problems:
        click.echo(str(problem))
    failed = {p.task_id for p in problems}
    for task_id in ids:
        found = validate_task(registry, registry.get(task_id), update_snapshot=update_snapshots)
        for problem in found:
            click.echo(str(problem))
        if found:
            failed.add(task_id)
            if strict:
                raise VisionFlanError(f"{task_id} failed validation (--strict)")
        problems.extend(found)
    passed = len(ids) - len(failed & set(ids))
    click.echo(f"validate: {passed} passed, {len(failed)} failed", err=True)
    if problems:
        sys.exit(1)


@click.command()
@click.argument("target", metavar="DATASET | DATASET/TASK")
@click.option("--package-dir", type=click.Path(path_type=Path, file_okay=False), default="tasks",
              show_default=True, help="The package folder that holds dataset folders.")
@click.option("--category", default="General Object", show_default=True, help="For a new task.")
@click.option("--task-id", default=None, help="For a new task (default: <dataset>_<task>).")
def new(target: str, package_dir: Path, category: str, task_id: str | None) -> None:
    """Scaffold a dataset folder (DATASET) or a task in an existing one (DATASET/TASK)."""
    from .scaffold import ensure_package, scaffold_dataset, scaffold_task

    dataset, _, name = target.partition("/")
    if name:
        folder = scaffold_task(dataset, name, package_dir=package_dir, category=category,
                               task_id=task_id)
        click.echo(f"created {folder}")
        click.echo("next: edit task.yaml and instruction.jinja, then "
                   f"`vf-tasks validate {task_id or f'{dataset}_{name}'} --update-snapshots`")
        return
    new_package = ensure_package(package_dir)
    folder = scaffold_dataset(dataset, package_dir=package_dir)
    click.echo(f"created {folder}")
    if new_package:
        package = package_dir.resolve().name
        click.echo(f"created {package_dir / '__init__.py'}: add once to pyproject.toml, then reinstall:")
        click.echo(f'  [project.entry-points."visionflan.tasks"]\n  {package} = "{package}:plugin"')
        click.echo(f'  [tool.setuptools.package-data]\n  {package} = ["**/*"]')
    click.echo(f"next: fill in the TODOs of {folder / 'dataset.yaml'}, write reader.py for the real "
               f"format and make_fixture.py to match, then `vf-tasks new {dataset}/TASK`")
