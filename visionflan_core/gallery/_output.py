"""The output folder: written whole into a sibling staging folder, then moved into place.

A folder is replaced only with ``overwrite`` and only if it is a gallery this package wrote (its
marker file), never ``/``, the home folder or the working folder. It may not hold or lie inside an
input (a data root's class-folder reader would see the gallery's images as data).
A run that fails leaves the old gallery (or nothing) behind, never half a site.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import os_error_line
from .errors import GalleryError

MARKER = ".vf-gallery"
_MARKER_TEXT = b"written by vf-tasks gallery: --overwrite may replace this folder\n"


def check_output(out: Path, *, overwrite: bool, inputs: Iterable[Path] = ()) -> None:
    """Refuse, before any work, an output folder this run may not write or replace."""
    real = Path(os.path.realpath(out))
    for path in inputs:
        source = Path(os.path.realpath(path))
        if source == real or real in source.parents or source in real.parents:
            raise GalleryError(f"refusing to write the gallery to {out}: it is, holds or lies inside "
                               f"an input ({path}), whose readers must not see it")
    if out.exists() and not out.is_dir():
        raise GalleryError(f"{out} exists and is not a folder")
    if not out.is_dir() or not any(out.iterdir()):
        return
    if not (out / MARKER).is_file():
        raise GalleryError(f"refusing to write into {out}: it is not empty and not a gallery "
                           f"(no {MARKER}); choose a new or empty folder")
    if not overwrite:
        raise GalleryError(f"{out} holds a gallery already: pass --overwrite to replace it")
    protected = {Path("/"), Path(os.path.realpath(Path.home())), Path(os.path.realpath(Path.cwd()))}
    if real in protected or real.parent == real:
        raise GalleryError(f"refusing to replace {out}: it is {real}, which is never deleted")


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A fresh folder beside ``out`` to write the site into; moved to ``out`` when all went well."""
    staging = out.parent / f".{out.name}.partial-{os.getpid()}"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir()
        (staging / MARKER).write_bytes(_MARKER_TEXT)
    except OSError as error:
        raise GalleryError(os_error_line(error, staging)) from None
    try:
        yield staging
        if out.is_dir():  # checked before any work: empty, or a gallery of ours with --overwrite
            shutil.rmtree(out)
        staging.replace(out)
    except OSError as error:
        raise GalleryError(os_error_line(error, out)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
