"""``vf-tasks``: list, inspect, render, validate and scaffold tasks (and export, lazily loaded).

Start-up matters here: ``list`` and ``info`` import no task code and no pydantic (on a warm
metadata cache), and rich is imported only when writing to a terminal or for the heavier commands.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from . import __version__
from .errors import VisionFlanError, os_error_line

LAZY_COMMANDS = {
    "show": "visionflan_core.cli_tasks:show",
    "validate": "visionflan_core.cli_tasks:validate",
    "check": "visionflan_core.cli_check:check",
    "new": "visionflan_core.cli_tasks:new",
    "export": "visionflan_core.export.cli:export",
    "merge": "visionflan_core.export.cli:merge",
    "fetch-release": "visionflan_core.cli_release:fetch_release_command",
    "gallery": "visionflan_core.gallery.cli:gallery",
}


class LazyGroup(click.Group):
    """A group whose heavy subcommands are imported only when invoked."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS:
            module, _, attr = LAZY_COMMANDS[cmd_name].partition(":")
            try:
                command: click.Command = getattr(importlib.import_module(module), attr)
            except ModuleNotFoundError as error:
                if error.name and error.name.startswith("visionflan_core"):
                    return None  # not part of this installation
                raise click.ClickException(
                    f"'{cmd_name}' needs the export extra: pip install 'visionflan[export]' ({error})"
                ) from error
            except ImportError as error:
                raise click.ClickException(
                    f"'{cmd_name}' needs the export extra: pip install 'visionflan[export]' ({error})"
                ) from error
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup)
@click.version_option(__version__, "--version", prog_name="vf-tasks", message="%(prog)s %(version)s")
@click.option("--strict", is_flag=True, help="Fail if any task plugin is broken.")
@click.option("-v", "--verbose", count=True, help="More output; -v also shows tracebacks of errors.")
@click.option("-q", "--quiet", count=True, help="Less output: only problems and errors.")
@click.pass_context
def cli(ctx: click.Context, strict: bool, verbose: int, quiet: int) -> None:
    """Vision-Flan task plugins: list, inspect, render, validate, check, scaffold and export."""
    ctx.obj = {"strict": strict, "verbosity": verbose - quiet}


def _complete_task_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    from .completion import complete_task_ids  # only when the shell asks

    return complete_task_ids(ctx, param, incomplete)


def _complete_dataset_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    from .completion import complete_dataset_ids

    return complete_dataset_ids(ctx, param, incomplete)


def registry_of(ctx: click.Context) -> Any:
    from .registry import discover

    return discover(strict=ctx.obj["strict"])


@cli.command("list")
@click.option("--category", help="Only tasks of this category (case-insensitive).")
@click.option("--dataset", help="Only tasks drawn from this source dataset id.",
              shell_complete=_complete_dataset_ids)
@click.option("--glob", "pattern", help="Shell pattern over task id or release name.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--broken", is_flag=True, help="List broken plugins (and why) instead.")
@click.pass_context
def list_tasks(
    ctx: click.Context,
    category: str | None,
    dataset: str | None,
    pattern: str | None,
    as_json: bool,
    broken: bool,
) -> None:
    """List registered tasks (metadata only: no task code is imported)."""
    registry = registry_of(ctx)
    if broken:
        rows = [[b.name, b.origin, b.reason] for b in registry.broken]
        header = ["plugin", "origin", "reason"]
    else:
        chosen = registry.select(category=category, dataset=dataset, glob=pattern)
        rows = [[e.id, e.release_name or "-", e.category, e.dataset.id]
                for e in chosen]
        header = ["id", "release name", "category", "dataset"]
    if as_json:
        import json

        keys = [name.replace(" ", "_") for name in header]  # release_name: keys a program can use
        click.echo(json.dumps([dict(zip(keys, row, strict=True)) for row in rows], indent=1))
    else:
        _table(header, rows)
    if registry.broken and not broken:
        click.echo(f"{len(registry.broken)} broken plugin(s): see `vf-tasks list --broken`", err=True)


def _table(header: list[str], rows: list[list[str]]) -> None:
    """A rich table on a terminal; plain aligned columns when piped (cheaper, grep-friendly)."""
    if sys.stdout.isatty():
        from rich.console import Console

        Console().print(rich_table(header, rows))
        return
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=True)]
    for row in [header, *rows]:
        click.echo("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def rich_table(header: list[str], rows: list[list[str]]) -> Any:
    """A rich table whose first column (ids) is never cut or wrapped; the others wrap instead."""
    from rich.table import Table

    table = Table(*header)
    for row in rows:
        table.add_row(*row)
    for index, column in enumerate(table.columns):
        if index == 0:
            column.no_wrap = True
            column.min_width = max(len(str(r[0])) for r in [header, *rows])
        else:
            column.overflow = "fold"
    return table


@cli.command()
@click.argument("task_id", shell_complete=_complete_task_ids)
@click.option("--json", "as_json", is_flag=True,
              help="Every metadata field as one JSON object (keys without spaces), for scripts.")
@click.pass_context
def info(ctx: click.Context, task_id: str, as_json: bool) -> None:
    """Metadata, expected data layout and where to get the data for one task."""
    registry = registry_of(ctx)
    entry = registry.get(task_id)
    meta = entry.info
    dataset = entry.dataset.info
    if as_json:
        import json

        record = {**meta._asdict(), "templates": dict(meta.templates),
                  "contributors": list(meta.contributors),
                  "dataset_info": {**dataset._asdict(), "terms": dataset.terms._asdict()},
                  "data_folder": f"<data-root>/{meta.data_dir}/", "task_folder": str(entry.folder),
                  "dataset_folder": str(entry.dataset.folder), "origin": entry.origin}
        click.echo(json.dumps(record, indent=1, ensure_ascii=False))
        return
    lines = [
        ("id", meta.id),
        ("release name", meta.release_name or "-"),
        ("paper name", meta.paper_name or "-"),
        ("category / group", f"{meta.category} / {meta.group}"),
        ("answer type", meta.answer_type),
        ("images per instance", str(meta.images_per_instance)),
        ("version", meta.version),
        ("contributors", ", ".join(meta.contributors)),
        ("dataset", f"{meta.dataset} ({dataset.name})"),
        ("homepage", dataset.homepage or "-"),
        ("licence", dataset.license),
        ("data folder", f"<data-root>/{meta.data_dir}/"),
        ("expected layout", meta.layout),
        ("download", meta.download),
        ("format notes", meta.format_notes or "-"),
        ("symbolic links", "followed inside <data-root> (a shared image tree, e.g. one COCO train2017, "
         "may be linked in); a record's own path may not leave it; --no-follow-symlinks refuses "
         "anything that resolves outside"),
        ("reader", meta.reader),
        ("formatter", meta.formatter),
        ("templates", ", ".join(f"{k}={v}" for k, v in meta.templates)),
        ("task folder", str(entry.folder)),
        ("dataset folder", str(entry.dataset.folder)),
        ("origin", entry.origin),
    ]
    if meta.catalogue_notes:
        lines.append(("catalogue notes", meta.catalogue_notes))
    if meta.splits:
        sizes = ", ".join(f"{name} {split['size']:,}" for name, split in meta.splits["sizes"].items())
        lines.append(("official splits", f"{sizes} (source: {meta.splits['source']})"))
    width = max(len(k) for k, _ in lines)
    for key, value in lines:
        click.echo(f"{key.ljust(width)}  {value}")


def main() -> None:
    """Console entry point: errors we raise on purpose and OS errors print as one line, status 1."""
    verbose = any(arg in ("-v", "--verbose") or (arg.startswith("-v") and set(arg[1:]) == {"v"})
                  for arg in sys.argv[1:])
    try:
        cli.main(standalone_mode=False, prog_name="vf-tasks")
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except VisionFlanError as error:
        if verbose:
            raise
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    except OSError as error:  # disk full, read-only target, a path under a file: one line
        if verbose:
            raise
        click.echo(f"error: {os_error_line(error)}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)

