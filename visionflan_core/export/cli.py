"""``vf-tasks export`` and ``vf-tasks merge`` (loaded lazily by :mod:`visionflan_core.cli`)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import click

from ..completion import complete_mixtures
from ..registry import discover
from .images import DEFAULT_MAX_PIXELS, MAX_PIXELS_LIMIT, ImageOptions
from .json_sources import LlavaInstructSource, ReleaseSource
from .settings import DEFAULT_SHARD_SIZE, RunOptions, Settings
from .sources import Source
from .spec import DEFAULT_MIXTURE, MixtureSpec, builtin_names, load_mixture
from .task_source import RegistrySource
from .writers import FORMATS

_DIR = click.Path(path_type=Path, file_okay=False)
_INPUT_DIR = click.Path(path_type=Path, file_okay=False, exists=True)
_INPUT_FILE = click.Path(path_type=Path, dir_okay=False, exists=True)


def sample_path(*parts: str) -> Path:
    """A file of the bundled samples (the LLaVA-Instruct demo data)."""
    return Path(str(resources.files("visionflan_core").joinpath("data", "samples", *parts)))


def _formats(_: Any, __: Any, value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise click.BadParameter(f"unknown {unknown}; choose from {', '.join(FORMATS)}")
    return names


def _hub_options(command: Any) -> Any:
    command = click.option("--hub-private", is_flag=True, help="Create the hub repo private.")(command)
    return click.option("--push-to-hub", "repo_id", metavar="REPO",
                        help="Upload the finished export as a Hugging Face dataset repo.")(command)


@click.command()
@click.argument("out", type=_DIR)
@click.option("--mixture", default=DEFAULT_MIXTURE, show_default=True, shell_complete=complete_mixtures,
              help=f"Built-in name ({', '.join(builtin_names())}) or a mixture YAML file.")
@click.option("--data-root", type=_INPUT_DIR, help="Raw datasets, read by each task's loader.")
@click.option("--release-json", type=_INPUT_FILE,
              help="Released Vision-Flan annotation JSON to re-mix (task names no registered task "
                   "carries are exported under that name, category Unregistered).")
@click.option("--release-images", type=_INPUT_DIR,
              help="Folder the release JSON's image paths start from.")
@click.option("--llava-instruct", type=_INPUT_FILE, help="LLaVA-Instruct JSON (default: bundled sample).")
@click.option("--llava-images", type=_INPUT_DIR, help="Images of --llava-instruct.")
@click.option("--format", "formats", default="llava", show_default=True, callback=_formats,
              help=f"Comma-separated: {', '.join(FORMATS)}.")
@click.option("--llava-single-file", is_flag=True,
              help="Also write the whole llava mixture as one JSON list, OUT/llava.json (LLaVA's "
                   "--data_path; image paths relative to it).")
@click.option("--seed", type=int, help="Override the mixture's seed.")
@click.option("--cap", type=int, help="Override the mixture's per-task cap.")
@click.option("--shard-size", default=DEFAULT_SHARD_SIZE, show_default=True, type=click.IntRange(min=1),
              help="Examples per shard.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Worker processes.")
@click.option("--num-partitions", default=1, show_default=True, type=click.IntRange(min=1),
              help="Split the shards over K machines (then `vf-tasks merge`).")
@click.option("--partition-index", default=0, show_default=True, help="This machine's part, 0..K-1.")
@click.option("--resume", is_flag=True, help="Finish an interrupted export in OUT.")
@click.option("--overwrite", is_flag=True, help="Delete OUT first (only if it is an export of ours).")
@click.option("--strict", is_flag=True, help="Fail on any bad image or record instead of skipping.")
@click.option("--allow-empty", is_flag=True,
              help="Accept an export with no examples or with selected tasks that give none.")
@click.option("--dry-run", is_flag=True,
              help="Plan only: print per-task available and planned counts, write nothing.")
@click.option("--verify-images", type=click.Choice(["header", "full"]), default="header",
              show_default=True,
              help="header: parse the header and check the file is complete (end-of-image marker); "
                   "full: decode every pixel.")
@click.option("--max-side", type=click.IntRange(min=1),
              help="Resize images whose longer side exceeds N pixels.")
@click.option("--max-pixels", type=click.IntRange(min=1, max=MAX_PIXELS_LIMIT),
              default=DEFAULT_MAX_PIXELS, show_default=True,
              help="Skip images with more pixels (decompression-bomb limit).")
@click.option("--link-images", is_flag=True, help="Hard-link unchanged images instead of copying.")
@click.option("--no-follow-symlinks", "no_follow", is_flag=True,
              help="Refuse images whose real path leaves the data root (default: follow links "
                   "placed in it, such as a shared COCO tree).")
@click.option("--acknowledge-terms", "acknowledged", metavar="DATASET", multiple=True,
              help="Export this dataset although its terms forbid training use (repeatable).")
@_hub_options
@click.pass_context
def export(ctx: click.Context, out: Path, mixture: str, data_root: Path | None,
           release_json: Path | None, release_images: Path | None, llava_instruct: Path | None,
           llava_images: Path | None, formats: tuple[str, ...], llava_single_file: bool,
           seed: int | None, cap: int | None,
           shard_size: int, workers: int, num_partitions: int, partition_index: int, resume: bool,
           overwrite: bool, strict: bool, allow_empty: bool, dry_run: bool, verify_images: str,
           max_side: int | None, max_pixels: int, link_images: bool, no_follow: bool,
           acknowledged: tuple[str, ...], repo_id: str | None, hub_private: bool) -> None:
    """Write a mixture of rendered tasks as training shards into OUT."""
    from .pipeline import plan_export, run_export
    from .progress import Reporter

    if repo_id and num_partitions > 1:
        raise click.UsageError("--push-to-hub needs the whole export: push after `vf-tasks merge`")
    if repo_id and not dry_run:
        _check_hub(repo_id)
    spec, spec_dir = load_mixture(mixture, seed=seed, cap=cap)
    source = _source(ctx, spec, spec_dir, data_root, release_json, release_images, llava_instruct,
                     llava_images)
    if isinstance(source, RegistrySource):
        source.follow_symlinks = not no_follow
    try:
        images = ImageOptions(verify=verify_images,  # type: ignore[arg-type]
                              max_side=max_side, max_pixels=max_pixels, link=link_images,
                              follow_symlinks=not no_follow)
        settings = Settings(formats=formats, shard_size=shard_size, images=images, strict=strict,
                            allow_empty=allow_empty, acknowledge_terms=frozenset(acknowledged),
                            llava_single_file=llava_single_file)
        options = RunOptions(workers=workers, num_partitions=num_partitions,
                             partition_index=partition_index, resume=resume, overwrite=overwrite)
    except ValueError as error:
        raise click.UsageError(str(error)) from error
    reporter = Reporter(quiet=_quiet(ctx))
    if dry_run:
        _print_plan(plan_export(source, spec, settings, workers, reporter), settings)
        return
    info = run_export(source, spec, out, settings, options, reporter=reporter)
    if info is None:
        click.echo(f"partition {partition_index} of {num_partitions} written to {out}; "
                   "join the parts with `vf-tasks merge`", err=True)
    elif repo_id:
        _push(out, repo_id, hub_private)


def _quiet(ctx: click.Context) -> bool:
    return int((ctx.find_root().obj or {}).get("verbosity", 0)) < 0


def _print_plan(plan: dict[str, Any], settings: Settings) -> None:
    """The ``--dry-run`` table: per task, what is available and what would be written."""
    rows = [(t["id"], str(t["available"]), str(t["quota"])) for t in plan["tasks"]]
    header = ("task", "available", "planned")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    for row in [header, *rows]:
        click.echo(f"{row[0].ljust(widths[0])}  {row[1].rjust(widths[1])}  {row[2].rjust(widths[2])}")
    shards = -(-plan["total"] // settings.shard_size)
    click.echo(f"total: {sum(t['available'] for t in plan['tasks'])} available, {plan['total']} planned "
               f"in {shards} shard(s); {len(plan['problems'])} problem(s); nothing written (--dry-run)")
    for problem in plan["problems"][:20]:
        where = ": ".join(x for x in (problem["task"], problem["file"], problem["record"]) if x)
        click.echo(f"problem: {where}: {problem['message']}", err=True)
    if len(plan["problems"]) > 20:
        click.echo(f"... and {len(plan['problems']) - 20} more problem(s)", err=True)


@click.command()
@click.argument("out", type=_DIR)
@click.argument("parts", nargs=-1, required=True, type=_DIR)
@click.option("--overwrite", is_flag=True, help="Delete OUT first (only if it is an export of ours).")
@click.option("--allow-empty", is_flag=True, help="Accept tasks (or an export) with no examples.")
@_hub_options
def merge(out: Path, parts: tuple[Path, ...], overwrite: bool, allow_empty: bool,
          repo_id: str | None, hub_private: bool) -> None:
    """Join partition folders PART... into OUT, as if one machine had exported it all."""
    from .merge import merge_partitions

    if repo_id:
        _check_hub(repo_id)
    info = merge_partitions(out, list(parts), overwrite=overwrite, allow_empty=allow_empty)
    click.echo(f"merged {len(parts)} part(s): {info['totals']['written']} examples in {out}", err=True)
    if repo_id:
        _push(out, repo_id, hub_private)


def _check_hub(repo_id: str) -> None:
    """Before any work: the hub is reachable and the token may write (one line if not)."""
    from .hub import check_hub

    check_hub(repo_id)


def _push(out: Path, repo_id: str, private: bool) -> None:
    from .hub import push_to_hub

    click.echo(f"pushed: {push_to_hub(out, repo_id, private=private)}", err=True)


def _source(ctx: click.Context, spec: MixtureSpec, spec_dir: Path | None, data_root: Path | None,
            release_json: Path | None, release_images: Path | None, llava_instruct: Path | None,
            llava_images: Path | None) -> Source:
    """The input the flags and the mixture ask for."""
    if spec.source == "llava-instruct":
        if llava_instruct is None:
            llava_instruct = sample_path("llava_instruct", "llava_instruct_sample.json")
            llava_images = llava_images or sample_path("llava_instruct")
        if llava_images is None:
            raise click.UsageError("--llava-instruct needs --llava-images")
        return LlavaInstructSource(llava_instruct, llava_images, spec.seed)
    registry = discover(strict=bool((ctx.find_root().obj or {}).get("strict")))
    if release_json is not None:
        if release_images is None:
            raise click.UsageError("--release-json needs --release-images")
        return ReleaseSource(release_json, release_images, spec.seed, registry=registry, spec=spec)
    if data_root is None and not spec.fixtures:
        raise click.UsageError(f"mixture {spec.name} reads real data: pass --data-root or "
                               "--release-json (or use --mixture vision-flan-demo)")
    return RegistrySource(registry, spec, None if spec.fixtures else data_root, spec_dir)
