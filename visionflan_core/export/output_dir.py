"""The output folder: made ours by a marker, and never deleted unless it is recognisably ours.

``--overwrite`` deletes a folder and ``--resume`` deletes temporaries inside one, so both are
refused on anything that is not an export (or partition, or merge) this package wrote: its
``.parts/EXPORT`` marker (or, for exports written before the marker, ``.parts/plan.json``) says so.
A folder that is ``/``, the home folder, the working directory or one that holds an input of the
export is never deleted, marker or not.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from ..errors import os_error_line
from .errors import ExportError

PARTS = ".parts"
OWNER_MARKER = "EXPORT"
_OWNER_TEXT = b"vf-tasks export folder: --overwrite may delete it\n"
_LEGACY_MARKERS = ("plan.json",)


def owner_marker(out: Path) -> Path:
    return out / PARTS / OWNER_MARKER


def is_ours(out: Path) -> bool:
    """Whether ``out`` was written by ``vf-tasks export`` or ``merge``."""
    parts = out / PARTS
    return any((parts / name).is_file() for name in (OWNER_MARKER, *_LEGACY_MARKERS))


def prepare_output(out: Path, *, resume: bool, overwrite: bool, inputs: Iterable[Path] = ()) -> None:
    """An empty folder of ours to write into, or the folder of an interrupted run when resuming.

    Raises :class:`ExportError` (one line) instead of touching a folder that is not ours.
    """
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} exists and is not a folder")
    if overwrite:
        _refuse_protected(out, inputs)
    if out.is_dir() and any(out.iterdir()):
        if not is_ours(out):
            action = "--overwrite" if overwrite else "--resume" if resume else "writing into"
            raise ExportError(f"refusing {action} {out}: it is not empty and not a vf-tasks export "
                              f"(no {PARTS}/{OWNER_MARKER}); choose a new or empty folder")
        if overwrite:
            shutil.rmtree(out)
        elif resume:
            _remove_partial_files(out)
        else:
            raise ExportError(f"{out} is not empty: pass --resume to finish it or --overwrite")
    try:
        out.mkdir(parents=True, exist_ok=True)
        marker = owner_marker(out)
        if not marker.is_file():
            marker.parent.mkdir(exist_ok=True)
            marker.write_bytes(_OWNER_TEXT)
    except OSError as error:
        raise ExportError(os_error_line(error, out)) from None


def _refuse_protected(out: Path, inputs: Iterable[Path]) -> None:
    """``--overwrite`` never deletes ``/``, ``~``, the working folder, or a folder holding an input."""
    real = Path(os.path.realpath(out))
    protected = {Path("/"), Path(os.path.realpath(Path.home())), Path(os.path.realpath(Path.cwd()))}
    if real in protected or real.parent == real:
        raise ExportError(f"refusing --overwrite {out}: it is {real}, which is never deleted")
    for path in inputs:
        source = Path(os.path.realpath(path))
        if source == real or real in source.parents:
            raise ExportError(f"refusing --overwrite {out}: it holds an input of this run ({path})")


def _remove_partial_files(out: Path) -> None:
    """Temporaries of an interrupted run: their final files never appeared, so they are redone."""
    for folder, _, files in os.walk(out):
        for name in files:
            if name.startswith(".") and (".tmp-" in name or name.endswith(".partial")):
                (Path(folder) / name).unlink()

