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
@click.argument("task_id")
@click.option("--project-dir", type=click.Path(path_type=Path, file_okay=False), default=".",
              show_default=True, help="Folder holding the pyproject.toml to register in.")
@click.option("--package", default=None,
              help="Importable package holding task folders (default: visionflan_tasks).")
@click.option("--package-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Source folder of that package (default: tasks/ for visionflan_tasks, else "
                   "<project-dir>/<package>).")
@click.option("--dataset", default="coco", show_default=True, help="Source dataset id.")
@click.option("--category", default="General Object", show_default=True)
def new(task_id: str, project_dir: Path, package: str | None, package_dir: Path | None,
        dataset: str, category: str) -> None:
    """Scaffold a task folder (metadata, template, fixture) and its entry-point line."""
    from .scaffold import scaffold_task

    folder, line = scaffold_task(
        task_id, project_dir=project_dir, package=package, package_dir=package_dir,
        dataset=dataset, category=category,
    )
    from .scaffold import package_data_missing

    click.echo(f"created {folder}")
    click.echo(f"registered {line} in {project_dir / 'pyproject.toml'}")
    if package_data_missing(project_dir / "pyproject.toml", package or ""):
        click.echo(f"add to pyproject.toml so the task files install: [tool.setuptools.package-data] "
                   f'{package} = ["**/*"]')
    click.echo("next: edit task.yaml and instruction.jinja, reinstall (pip install -e .), then "
               f"`vf-tasks validate {task_id} --update-snapshots`")
