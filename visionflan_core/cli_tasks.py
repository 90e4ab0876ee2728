"""`vf-tasks show`, `validate` and `new`: loaded only when invoked, to keep `list` start-up lean."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .cli import registry_of


@click.command()
@click.argument("task_ids", nargs=-1)
@click.option("--all", "all_tasks", is_flag=True, help="Every registered task.")
@click.option("-n", "count", default=3, show_default=True, help="How many examples per task.")
@click.option("--data-root", type=click.Path(path_type=Path, file_okay=False),
              help="Read real data from <DIR>/<dataset>/ instead of the bundled fixture.")
@click.option("--seed", default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print examples as JSON lines.")
@click.pass_context
def show(ctx: click.Context, task_ids: tuple[str, ...], all_tasks: bool, count: int,
         data_root: Path | None, seed: int, as_json: bool) -> None:
    """Render examples of tasks from their fixtures or from real data."""
    import itertools
    import json

    from rich.console import Console
    from rich.panel import Panel

    registry = registry_of(ctx)
    if not task_ids and not all_tasks:
        raise click.UsageError("name tasks to show, or pass --all")
    ids = list(registry.entries) if all_tasks else list(task_ids)
    problems: list[Any] = []
    examples = itertools.chain.from_iterable(
        itertools.islice(registry.load(t).examples(data_root, seed=seed, problems=problems), count)
        for t in ids
    )
    console = Console(highlight=False)
    for example in examples:
        if as_json:
            click.echo(json.dumps(example.to_json(), ensure_ascii=False))
            continue
        body = f"[bold]human[/]\n{_escape(example.prompt)}\n\n[bold]gpt[/]\n{_escape(example.target)}"
        console.print(Panel(body, title=example.id, subtitle=", ".join(example.images)))
    for problem in problems:
        click.echo(f"skipped: {problem}", err=True)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@click.command()
@click.argument("task_ids", nargs=-1)
@click.option("--all", "all_tasks", is_flag=True, help="Validate every registered task.")
@click.option("--update-snapshots", is_flag=True, help="Rewrite golden snapshots that differ.")
@click.pass_context
def validate(ctx: click.Context, task_ids: tuple[str, ...], all_tasks: bool,
             update_snapshots: bool) -> None:
    """Check metadata, templates, fixtures, data and snapshots; one line per problem."""
    from .validate import validate_registry, validate_task

    registry = registry_of(ctx)
    if not task_ids and not all_tasks:
        raise click.UsageError("name tasks to validate, or pass --all")
    entries = list(registry) if all_tasks else [registry.get(t) for t in task_ids]
    problems = validate_registry(registry) if all_tasks else []
    for entry in entries:
        problems.extend(validate_task(registry, entry, update_snapshot=update_snapshots))
    for problem in problems:
        click.echo(str(problem))
    failed = {p.task_id for p in problems}
    passed = len(entries) - len(failed & {e.id for e in entries})
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
