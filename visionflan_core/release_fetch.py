"""Fetch the public Vision-Flan release from the Hugging Face hub and unpack its images safely.

What the release repository holds (checked against the hub's file tree and dataset card of
``Vision-Flan/vision-flan_191-task_1k`` at commits 8b5253d and 24ba719, and against public training
scripts that load it):

- ``annotation_191-task_1k.json`` (110 MB, LFS): one JSON list of LLaVA-style records (``id``,
  ``image``, ``task_name``, ``conversations``); ``image`` is relative to the unpacked image folder.
  (The file was once renamed ``xnnotation_191-task_1k.json`` and then back; ``metadata.json``, a
  second 110 MB file added later, is not needed and not downloaded.)
- ``image_191-task_1k.zip`` (36.3 GB, LFS; named ``images_191task_1k.zip`` in commit 254bb39 only).
  Public training scripts pass ``.../images_191task_1k`` as LLaVA's ``--image_folder`` and join
  ``image`` to it, so it unpacks to that one folder (not verified by opening the 36 GB zip): the one
  top folder of the archive becomes ``--release-images``; with no single top folder, DIR itself does.

Downloads go through :func:`huggingface_hub.snapshot_download` into the hub cache: resumable (an
interrupted blob is continued), pinned to ``revision`` (a branch, tag or commit; the commit it
resolved to is recorded), and ``HF_HUB_OFFLINE=1`` serves the cache only. Archives are unpacked by
:mod:`visionflan_core.safe_unzip`.
"""

from __future__ import annotations

import json
import os
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .errors import VisionFlanError
from .safe_unzip import DEFAULT_LIMITS, Limits, Unpacked, unpack_zip

DEFAULT_REPO = "Vision-Flan/vision-flan_191-task_1k"
ANNOTATION_PATTERN = "annotation_*.json"
ARCHIVE_PATTERN = "*.zip"
RECORD_FILE = "RELEASE.json"


class FetchError(VisionFlanError):
    """The release could not be fetched or unpacked; the message says what is missing."""


@dataclass(frozen=True)
class Fetched:
    """Where the release landed and how to re-mix it."""

    repo: str
    revision: str
    commit: str
    annotation: Path
    images: Path
    archives: dict[str, Unpacked]

    def export_command(self, out: str = "OUT", mixture: str = "vision-flan-1k") -> str:
        return (f"vf-tasks export {shlex.quote(out)} --mixture {shlex.quote(mixture)} "
                f"--release-json {shlex.quote(str(self.annotation))} "
                f"--release-images {shlex.quote(str(self.images))}")


def offline() -> bool:
    """``HF_HUB_OFFLINE`` set to a true value, as huggingface_hub reads it."""
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def download(repo: str, revision: str, cache_dir: Path | None) -> Path:
    """The local snapshot folder of ``repo`` at ``revision`` (annotation JSON and archives only)."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import (
        GatedRepoError,
        LocalEntryNotFoundError,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    where = f"{repo} at revision {revision}"
    try:
        folder = snapshot_download(repo, repo_type="dataset", revision=revision,
                                   cache_dir=None if cache_dir is None else str(cache_dir),
                                   allow_patterns=[ANNOTATION_PATTERN, ARCHIVE_PATTERN])
    except LocalEntryNotFoundError:
        cache = cache_dir or "the Hugging Face cache (HF_HUB_CACHE)"
        if offline():
            raise FetchError(f"HF_HUB_OFFLINE=1 and {where} is not in {cache}: run once with network "
                             "access, or pass --cache-dir where it was downloaded") from None
        raise FetchError(f"{where}: the hub cannot be reached and it is not in {cache}") from None
    except GatedRepoError:
        raise FetchError(f"{where}: gated; accept its terms on the hub and log in "
                         "(`hf auth login`)") from None
    except RevisionNotFoundError:
        raise FetchError(f"{where}: no such revision") from None
    except RepositoryNotFoundError:
        raise FetchError(f"{repo}: no such dataset repository on the hub (or it is private)") from None
    except Exception as error:  # network or hub failure mid-download: the partial blob is kept
        message = " ".join(str(error).split()) or type(error).__name__
        raise FetchError(f"{where}: download failed ({type(error).__name__}: {message}); run the same "
                         "command again to resume") from None
    return Path(folder)


def fetch_release(
    target: Path,
    *,
    repo: str = DEFAULT_REPO,
    revision: str = "main",
    cache_dir: Path | None = None,
    limits: Limits = DEFAULT_LIMITS,
    snapshot: Callable[[str, str, Path | None], Path] = download,
    progress: Callable[[str, int, int], None] | None = None,
) -> Fetched:
    """Download (or find in the cache) ``repo``, unpack its archives into ``target``, link the annotations.

    Writes ``target/RELEASE.json`` (repo, revision, resolved commit, files) last, so its presence
    means the folder is complete.
    """
    folder = snapshot(repo, revision, cache_dir)
    annotations = sorted(folder.glob(ANNOTATION_PATTERN))
    archives = sorted(folder.glob(ARCHIVE_PATTERN))
    missing = [what for what, found in (("annotation JSON (annotation_*.json)", annotations),
                                        ("image archive (*.zip)", archives)) if not found]
    if missing:
        hint = " (HF_HUB_OFFLINE=1: only the cache was read; run once online to finish)" if offline() else ""
        raise FetchError(f"{repo} at revision {revision} ({folder}) has no {' and no '.join(missing)}{hint}")
    if len(annotations) > 1:
        names = ", ".join(p.name for p in annotations)
        raise FetchError(f"{repo} at revision {revision}: several annotation files ({names}); which one "
                         "is the release is not known")
    target.mkdir(parents=True, exist_ok=True)
    (target / RECORD_FILE).unlink(missing_ok=True)  # written again only once everything is in place
    unpacked = {}
    for archive in archives:
        report = None if progress is None else partial(progress, archive.name)
        unpacked[archive.name] = unpack_zip(archive, target, limits, report)
    tops = {top for result in unpacked.values() for top in result.top_folders}
    images = target / next(iter(tops)) if len(tops) == 1 and (target / next(iter(tops))).is_dir() else target
    annotation = _place(annotations[0], target)
    commit = folder.name  # a snapshot folder is named by the commit it holds
    fetched = Fetched(repo, revision, commit, annotation, images, unpacked)
    record = {
        "repo": repo, "revision": revision, "commit": commit,
        "annotation": annotation.name, "images": images.relative_to(target).as_posix(),
        "archives": {name: {"files": u.files, "bytes": u.total_bytes} for name, u in unpacked.items()},
    }
    (target / RECORD_FILE).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return fetched


def _place(source: Path, target: Path) -> Path:
    """The annotation file in ``target``: a hard link to the cached blob where possible, else a copy."""
    dest = target / source.name
    real = source.resolve()
    if dest.exists() and os.path.samefile(real, dest):
        return dest
    dest.unlink(missing_ok=True)
    try:
        os.link(real, dest)
    except OSError:  # another file system, or links not allowed
        import shutil

        shutil.copyfile(real, dest)
    return dest
