"""Unpack a zip archive into one folder, refusing anything that could escape it or blow up.

The standard library's :mod:`zipfile` is used for reading (it handles ZIP64, which the 36 GB release
archive needs); what it lacks is a policy, so every member is checked *before anything is written*:

- its name is a relative POSIX path inside the target: no absolute path, drive letter, ``..``
  component, backslash, NUL or empty name, and no two members with one name;
- it is a regular file or a folder: symbolic links and other special files are refused (a link
  could point anywhere, and nothing in an image archive needs one);
- bomb limits: member count, total uncompressed size, per-member and whole-archive compression
  ratio (against the archive's size on disk, which also catches members that share one compressed
  stream), and the free space of the target.

Writing follows the same distrust: each path is resolved under the target (an existing link in the
target that leads outside is refused), bytes are counted against the declared size while they are
written, and each file lands under a temporary name and is renamed when complete. A file already
there with the declared size is kept, so an interrupted unpack resumes.
"""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import VisionFlanError

GIB = 1 << 30
_CHUNK = 1 << 20
_RATIO_FLOOR = 1 << 20  # a member below 1 MiB uncompressed is not judged by its ratio alone


class UnsafeArchive(VisionFlanError):
    """The archive was refused: nothing of it was written."""


@dataclass(frozen=True)
class Limits:
    """What an archive may unpack to (defaults sized for the 191-task release: ~181k JPEGs, 36 GB)."""

    max_members: int = 1_000_000
    max_total_bytes: int = 200 * GIB
    max_ratio: float = 100.0


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Unpacked:
    """What :func:`unpack_zip` did."""

    files: int
    written: int
    kept: int
    total_bytes: int
    top_folders: tuple[str, ...]


def member_path(name: str) -> PurePosixPath:
    """The safe relative path of member ``name``, or :class:`UnsafeArchive` saying why not."""
    if not name or "\x00" in name:
        raise UnsafeArchive(f"member {name!r}: empty name or NUL byte")
    if "\\" in name:
        raise UnsafeArchive(f"member {name!r}: backslash in the name (a Windows path?)")
    path = PurePosixPath(name)
    if path.is_absolute() or (len(name) > 1 and name[1] == ":"):
        raise UnsafeArchive(f"member {name!r}: absolute path")
    if any(part == ".." for part in path.parts):
        raise UnsafeArchive(f"member {name!r}: '..' leads out of the target folder")
    parts = [part for part in path.parts if part != "."]
    if not parts:
        raise UnsafeArchive(f"member {name!r}: names no file")
    return PurePosixPath(*parts)


def _kind(info: zipfile.ZipInfo) -> str:
    """'file', 'dir', or the special kind the member declares (Unix mode in the external attributes)."""
    kind = stat.S_IFMT(info.external_attr >> 16)  # 0: no Unix type recorded (plain zip tools)
    if info.is_dir():
        return "dir"
    if kind == stat.S_IFLNK:
        return "symbolic link"
    if kind not in (0, stat.S_IFREG):
        return "special file"
    return "file"


Member = tuple[zipfile.ZipInfo, PurePosixPath]


def plan(archive: zipfile.ZipFile, archive_size: int, limits: Limits) -> list[Member]:
    """Every member checked against the policy; the first violation raises :class:`UnsafeArchive`."""
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise UnsafeArchive(f"{len(members):,} members, more than the limit of {limits.max_members:,}")
    seen: set[PurePosixPath] = set()
    chosen = []
    total = 0
    for info in members:
        path = member_path(info.filename)
        kind = _kind(info)
        if kind not in ("file", "dir"):
            raise UnsafeArchive(f"member {info.filename!r}: a {kind}; only files and folders are unpacked")
        if path in seen and kind == "file":
            raise UnsafeArchive(f"member {info.filename!r}: appears twice")
        seen.add(path)
        total += info.file_size
        if total > limits.max_total_bytes:
            raise UnsafeArchive(f"unpacks to more than the limit of {limits.max_total_bytes:,} bytes "
                                f"(reached at member {info.filename!r})")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > limits.max_ratio:
            raise UnsafeArchive(f"member {info.filename!r}: {info.file_size:,} bytes from "
                                f"{info.compress_size:,} compressed (ratio {ratio:,.0f} > "
                                f"{limits.max_ratio:g}): a zip bomb?")
        chosen.append((info, path))
    if total > _RATIO_FLOOR and total / max(archive_size, 1) > limits.max_ratio:
        raise UnsafeArchive(f"{total:,} bytes from a {archive_size:,}-byte archive (ratio "
                            f"{total / max(archive_size, 1):,.0f} > {limits.max_ratio:g}): a zip bomb?")
    return chosen


def unpack_zip(path: Path, target: Path, limits: Limits = DEFAULT_LIMITS,
               progress: Callable[[int, int], None] | None = None) -> Unpacked:
    """Unpack ``path`` into ``target`` (created if needed) after checking every member.

    ``progress(done, total)`` is called after each file (kept or written).
    """
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise UnsafeArchive(f"{path}: not a readable zip archive ({error})") from None
    with archive:
        members = plan(archive, path.stat().st_size, limits)
        target.mkdir(parents=True, exist_ok=True)
        root = target.resolve()
        destinations = [(info, _inside(root, relative)) for info, relative in members]
        needed = sum(info.file_size for info, dest in destinations
                     if not info.is_dir() and not _complete(dest, info.file_size))
        free = shutil.disk_usage(root).free
        if needed > free:
            raise UnsafeArchive(f"{path.name} needs {needed:,} more bytes in {root}; {free:,} are free")
        written = kept = total = 0
        files = sum(1 for info, _ in destinations if not info.is_dir())
        for info, dest in destinations:
            if info.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
                continue
            total += info.file_size
            if _complete(dest, info.file_size):
                kept += 1
            else:
                _extract(archive, info, dest)
                written += 1
            if progress is not None:
                progress(written + kept, files)
    tops = sorted({relative.parts[0] for _, relative in members})
    return Unpacked(files=written + kept, written=written, kept=kept, total_bytes=total,
                    top_folders=tuple(tops))


def _inside(root: Path, relative: PurePosixPath) -> Path:
    """``root / relative``, refused if it (through a link already in ``root``) resolves elsewhere."""
    dest = root.joinpath(*relative.parts)
    resolved = dest.resolve()
    if resolved != root and root not in resolved.parents:
        raise UnsafeArchive(f"member {relative}: resolves to {resolved}, outside {root} "
                            "(a symbolic link in the target folder?)")
    if dest.is_symlink():
        raise UnsafeArchive(f"member {relative}: {dest} is a symbolic link; not overwritten")
    return dest


def _complete(dest: Path, size: int) -> bool:
    try:
        info = dest.lstat()
    except FileNotFoundError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size == size


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path) -> None:
    """Stream one member to ``dest`` through a temporary name, never past its declared size."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    count = 0
    try:
        with archive.open(info) as source, open(part, "wb") as sink:
            while chunk := source.read(_CHUNK):
                count += len(chunk)
                if count > info.file_size:
                    raise UnsafeArchive(f"member {info.filename!r}: more bytes than the "
                                        f"{info.file_size:,} it declares")
                sink.write(chunk)
        if count != info.file_size:
            raise UnsafeArchive(f"member {info.filename!r}: {count:,} bytes, {info.file_size:,} declared")
        os.replace(part, dest)
    except zipfile.BadZipFile as error:  # CRC mismatch, bad compressed data
        part.unlink(missing_ok=True)
        raise UnsafeArchive(f"member {info.filename!r}: {error}") from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
