"""``vf-tasks gallery OUT``: loaded only when invoked (it imports Pillow and Jinja)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli import registry_of

_INPUT_DIR = click.Path(path_type=Path, file_okay=False, exists=True)


@click.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--data-root", type=_INPUT_DIR,
              help="Read real data from <DIR>/<dataset>/ instead of the bundled fixtures.")
@click.option("--export", "export_dir", type=_INPUT_DIR,
              help="Show an export's output folder (its jsonl or llava shards and images) instead.")
@click.option("--tasks", "patterns", multiple=True, metavar="SELECTION",
              help="Comma-separated task ids, release names or shell patterns (default: every task).")
@click.option("-n", "count", default=3, show_default=True, type=click.IntRange(min=1),
              help="Examples per task page.")
@click.option("--seed", default=0, show_default=True, help="Render seed (option order, <image> placement).")
@click.option("--thumb-size", default=256, show_default=True, type=click.IntRange(min=16, max=4096),
              help="Longest side of thumbnails, in pixels.")
@click.option("--no-follow-symlinks", "no_follow", is_flag=True,
              help="Refuse images whose real path is outside the data root (links placed in it too).")
@click.option("--overwrite", is_flag=True, help="Replace OUT if it holds a gallery written before.")
@click.pass_context
def gallery(ctx: click.Context, out: Path, data_root: Path | None, export_dir: Path | None,
            patterns: tuple[str, ...], count: int, seed: int, thumb_size: int, no_follow: bool,
            overwrite: bool) -> None:
    """Write a static HTML gallery of tasks to OUT (open OUT/index.html; no server needed).

    An index of every selected task that filters by category, dataset and group, and one page per
    task: metadata, template, data notes, licence, citation and N rendered examples with their
    images. From the bundled fixtures, from real data (--data-root), or from an export's output
    folder (--export). The site is written whole even when some tasks fail; the exit status is 1
    if any task could not be shown or any record or image had a problem (listed on stderr and on
    the task's page).
    """
    from . import GalleryOptions, gallery_of_export, gallery_of_registry
    from ._select import split_patterns

    if data_root is not None and export_dir is not None:
        raise click.UsageError("--data-root and --export are two different sources: pass one")
    if export_dir is not None and seed:
        raise click.UsageError("--seed renders tasks; an export's records are already rendered")
    options = GalleryOptions(count=count, seed=seed, thumb_side=thumb_size,
                             follow_symlinks=not no_follow, overwrite=overwrite)
    selection = split_patterns(patterns)
    quiet = int((ctx.find_root().obj or {}).get("verbosity", 0)) < 0
    registry = registry_of(ctx)
    if export_dir is not None:
        result = gallery_of_export(out, export_dir, selection, registry=registry, options=options)
    else:
        result = gallery_of_registry(out, registry, selection, data_root=data_root, options=options)
    for problem in result.problems:
        click.echo(f"problem: {problem}", err=True)
    for name, reason in result.failed:
        click.echo(f"failed: {name}: {reason}", err=True)
    if registry.broken and not quiet:
        click.echo(f"{len(registry.broken)} broken plugin(s) left out: see `vf-tasks list --broken`",
                   err=True)
    summary = (f"gallery: {result.tasks} task(s), {result.examples} example(s), {result.images} "
               f"image(s), {len(result.failed)} failed, {len(result.problems)} problem(s)")
    click.echo(summary, err=True)
    click.echo(result.index)
    if result.failed or result.problems:
        sys.exit(1)
