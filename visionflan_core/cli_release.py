"""`vf-tasks fetch-release`: the public release, downloaded, unpacked safely, ready to re-mix."""

from __future__ import annotations

import time
from pathlib import Path

import click
import huggingface_hub  # noqa: F401  (imported here so a missing export extra is named when loading)

from .release_fetch import DEFAULT_REPO, fetch_release
from .safe_unzip import GIB, Limits


@click.command("fetch-release")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("--repo", default=DEFAULT_REPO, show_default=True, help="Dataset repository on the hub.")
@click.option("--revision", default="main", show_default=True,
              help="Branch, tag or commit to pin (the commit it resolves to is recorded).")
@click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Hub cache to download into (default: HF_HUB_CACHE).")
@click.option("--max-unpacked-gib", type=click.FloatRange(min=0, min_open=True), default=200.0,
              show_default=True, help="Refuse an archive that unpacks to more.")
@click.option("--max-ratio", type=click.FloatRange(min=1), default=100.0, show_default=True,
              help="Refuse a member (over 1 MiB) or archive compressed more than this (zip bombs).")
@click.option("--max-members", type=click.IntRange(min=1), default=1_000_000, show_default=True,
              help="Refuse an archive with more members.")
def fetch_release_command(directory: Path, repo: str, revision: str, cache_dir: Path | None,
                          max_unpacked_gib: float, max_ratio: float, max_members: int) -> None:
    """Download the Vision-Flan release into the hub cache and unpack its images into DIRECTORY.

    Resumable (run it again after an interruption), pinned with --revision, HF_HUB_OFFLINE=1 uses the
    cache only. Prints the `vf-tasks export` command that re-mixes it.
    """
    limits = Limits(max_members=max_members, max_total_bytes=int(max_unpacked_gib * GIB),
                    max_ratio=max_ratio)
    last = [time.monotonic()]

    def progress(name: str, done: int, total: int) -> None:  # a plain line every 10 s
        now = time.monotonic()
        if now - last[0] >= 10 or done == total:
            last[0] = now
            click.echo(f"{name}: {done:,}/{total:,} file(s) unpacked", err=True)

    fetched = fetch_release(directory, repo=repo, revision=revision, cache_dir=cache_dir, limits=limits,
                            progress=progress)
    for name, result in fetched.archives.items():
        click.echo(f"{name}: {result.files:,} file(s), {result.total_bytes:,} bytes "
                   f"({result.written:,} written, {result.kept:,} already there)", err=True)
    click.echo(f"{fetched.repo} at commit {fetched.commit}: annotations {fetched.annotation}, "
               f"images {fetched.images}", err=True)
    click.echo(fetched.export_command())
