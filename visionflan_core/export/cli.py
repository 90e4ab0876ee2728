"""``vf-tasks export`` and ``vf-tasks merge`` (loaded lazily by :mod:`visionflan_core.cli`)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import click

from ..registry import discover
from .images import DEFAULT_MAX_PIXELS, ImageOptions
from .json_sources import LlavaInstructSource, ReleaseSource
from .settings import DEFAULT_SHARD_SIZE, RunOptions, Settings
from .sources import Source
from .spec import DEFAULT_MIXTURE, MixtureSpec, builtin_names, load_mixture
from .task_source import RegistrySource
from .writers import FORMATS

_DIR = click.Path(path_type=Path, file_okay=False)
_FILE = click.Path(path_type=Path, dir_okay=False)


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
@click.option("--mixture", default=DEFAULT_MIXTURE, show_default=True,
              help=f"Built-in name ({', '.join(builtin_names())}) or a mixture YAML file.")
@click.option("--data-root", type=_DIR, help="Raw datasets, read by each task's loader.")
@click.option("--release-json", type=_FILE, help="Released Vision-Flan annotation JSON to re-mix.")
@click.option("--release-images", type=_DIR, help="Folder the release JSON's image paths start from.")
@click.option("--llava-instruct", type=_FILE, help="LLaVA-Instruct JSON (default: bundled sample).")
@click.option("--llava-images", type=_DIR, help="Images of --llava-instruct.")
@click.option("--format", "formats", default="llava", show_default=True, callback=_formats,
              help=f"Comma-separated: {', '.join(FORMATS)}.")
@click.option("--seed", type=int, help="Override the mixture's seed.")
@click.option("--cap", type=int, help="Override the mixture's per-task cap.")
@click.option("--shard-size", default=DEFAULT_SHARD_SIZE, show_default=True,
              help="Examples per shard.")
@click.option("--workers", default=1, show_default=True, help="Worker processes.")
@click.option("--num-partitions", default=1, show_default=True,
              help="Split the shards over K machines (then `vf-tasks merge`).")
@click.option("--partition-index", default=0, show_default=True, help="This machine's part, 0..K-1.")
@click.option("--resume", is_flag=True, help="Finish an interrupted export in OUT.")
@click.option("--overwrite", is_flag=True, help="Delete OUT first.")
@click.option("--strict", is_flag=True, help="Fail on any bad image or record instead of skipping.")
@click.option("--verify-images", type=click.Choice(["header", "full"]), default="header",
              show_default=True, help="Read headers only, or decode every image.")
@click.option("--max-side", type=int, help="Resize images whose longer side exceeds N pixels.")
@click.option("--max-pixels", type=int, default=DEFAULT_MAX_PIXELS, show_default=True,
              help="Skip images with more pixels (decompression-bomb limit).")
@click.option("--link-images", is_flag=True, help="Hard-link unchanged images instead of copying.")
@click.option("--no-follow-symlinks", "no_follow", is_flag=True,
              help="Refuse images whose real path leaves the data root (default: follow links "
                   "placed in it, such as a shared COCO tree).")
@_hub_options
@click.pass_context
def export(ctx: click.Context, out: Path, mixture: str, data_root: Path | None,
           release_json: Path | None, release_images: Path | None, llava_instruct: Path | None,
           llava_images: Path | None, formats: tuple[str, ...], seed: int | None, cap: int | None,
           shard_size: int, workers: int, num_partitions: int, partition_index: int, resume: bool,
           overwrite: bool, strict: bool, verify_images: str, max_side: int | None,
           max_pixels: int, link_images: bool, no_follow: bool, repo_id: str | None,
           hub_private: bool) -> None:
    """Write a mixture of rendered tasks as training shards into OUT."""
    from .pipeline import run_export

    spec, spec_dir = load_mixture(mixture, seed=seed, cap=cap)
    source = _source(ctx, spec, spec_dir, data_root, release_json, release_images, llava_instruct,
                     llava_images)
    images = ImageOptions(verify=verify_images,  # type: ignore[arg-type]
                          max_side=max_side, max_pixels=max_pixels, link=link_images,
                          follow_symlinks=not no_follow)
    if isinstance(source, RegistrySource):
        source.follow_symlinks = not no_follow
    try:
        settings = Settings(formats=formats, shard_size=shard_size, images=images, strict=strict)
        options = RunOptions(workers=workers, num_partitions=num_partitions,
                             partition_index=partition_index, resume=resume, overwrite=overwrite)
    except ValueError as error:
        raise click.UsageError(str(error)) from error
    info = run_export(source, spec, out, settings, options)
    if info is None:
        click.echo(f"partition {partition_index} of {num_partitions} written to {out}; "
                   "join the parts with `vf-tasks merge`", err=True)
    elif repo_id:
        _push(out, repo_id, hub_private)


@click.command()
@click.argument("out", type=_DIR)
@click.argument("parts", nargs=-1, required=True, type=_DIR)
@click.option("--overwrite", is_flag=True, help="Delete OUT first.")
@_hub_options
def merge(out: Path, parts: tuple[Path, ...], overwrite: bool, repo_id: str | None,
          hub_private: bool) -> None:
    """Join partition folders PART... into OUT, as if one machine had exported it all."""
    from .merge import merge_partitions

    info = merge_partitions(out, list(parts), overwrite=overwrite)
    click.echo(f"merged {len(parts)} part(s): {info['totals']['written']} examples in {out}", err=True)
    if repo_id:
        _push(out, repo_id, hub_private)


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
