"""What readers produce: plain source records plus a context that collects bad ones."""

from __future__ import annotations

import hashlib
import os
import posixpath
import stat
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem, describe_error


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One raw instance read from a dataset's own files.

    ``images`` are paths relative to the dataset folder (POSIX style), so snapshots and exports do
    not depend on where the data lives. ``fields`` are the template variables; ``label`` is the raw
    label as the dataset stores it; ``choices``/``answer_index`` are set for multiple choice.
    """

    id: str
    images: tuple[str, ...]
    fields: Mapping[str, Any]
    label: Any
    choices: tuple[str, ...] | None = None
    answer_index: int | None = None


class SkipRecord(Exception):
    """Raised inside a reader to drop one malformed record; the context records why."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass
class ReadContext:
    """Passed to every reader: the dataset folder, the task and a sink for malformed records.

    ``follow_symlinks`` (the default) follows links the user placed in the data root, such as a
    shared COCO ``train2017`` linked into several datasets; a record's own path may still never
    leave the root (no ``..``, no absolute paths). With ``follow_symlinks=False`` every image must
    also resolve inside the root.
    """

    task_id: str
    root: Path
    problems: list[Problem] = field(default_factory=list)
    follow_symlinks: bool = True

    def __post_init__(self) -> None:
        # resolved once: every record's image path is checked against it
        self.real_root = self.root.resolve()

    def problem(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        record_id: object = None,
        field: str | None = None,
    ) -> None:
        """Record a problem and go on: one bad record never stops the others."""
        self.problems.append(
            Problem(
                task_id=self.task_id,
                message=message,
                file=self.relative(file) if file is not None else None,
                record_id=None if record_id is None else str(record_id),
                field=field,
            )
        )

    def relative(self, path: str | Path) -> str:
        """``path`` relative to the dataset folder where possible, for stable messages."""
        path = Path(path)
        for base in (self.root, self.real_root):
            try:
                return path.relative_to(base).as_posix()
            except ValueError:
                continue
        try:
            return path.resolve().relative_to(self.real_root).as_posix()
        except ValueError:
            return str(path)

    def image(self, relative: str, *, file: str | Path | None = None, record_id: object = None) -> str:
        """Check an image path from an annotation and return it normalised (POSIX, below the root).

        The path itself may not leave the root; the file must exist and be a regular file.
        """
        clean = posixpath.normpath(str(relative).replace("\\", "/"))
        if posixpath.isabs(clean) or clean == ".." or clean.startswith("../"):
            raise SkipRecord(f"image path {relative!r} leaves the data root", field="image")
        candidate = self.root / clean
        if not self.follow_symlinks and not candidate.resolve().is_relative_to(self.real_root):
            raise SkipRecord(f"image path {relative!r} resolves outside the data root "
                             "(symbolic links are not followed)", field="image")
        try:
            mode = candidate.stat().st_mode
        except OSError:
            raise SkipRecord(f"image {relative!r} does not exist (tried {candidate})",
                             field="image") from None
        if not stat.S_ISREG(mode):
            raise SkipRecord(f"image {relative!r} is not a regular file", field="image")
        return clean

    def derived(self, name: str, build: Callable[[Path], None], sources: Iterable[Path] = ()) -> str:
        """An image the task composes from raw files (e.g. a RecipeQA panel), built once.

        ``build(path)`` writes the image to ``path``, a unique temporary name that carries the
        final suffix (so Pillow picks the format from it). It lands in the derived-image cache,
        never in the data folder (which may be read-only). Beside it goes the content stamp of
        ``sources`` (the raw files it is made from); when they change it is rebuilt, so changed
        data is never served stale. The returned reference resolves through :func:`resolve_image`.
        """
        path = derived_dir(self.task_id, self.root) / name
        stamp_file = path.with_name(f".{name}.stamp")
        key = _stamp_key(sources)
        if path.is_file() and _read_text(stamp_file) == key:
            return f"{DERIVED_PREFIX}{name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        unique = f"{os.getpid()}.{uuid.uuid4().hex}"
        partial = path.with_name(f".{path.stem}.{unique}{path.suffix}")
        partial_stamp = stamp_file.with_name(f"{stamp_file.name}.{unique}")
        try:
            build(partial)
            partial_stamp.write_text(key, encoding="utf-8")
            partial.replace(path)
            partial_stamp.replace(stamp_file)
        finally:
            partial.unlink(missing_ok=True)
            partial_stamp.unlink(missing_ok=True)
        return f"{DERIVED_PREFIX}{name}"

    def build_each(
        self,
        items: Iterable[tuple[object, Any]],
        build: Callable[[object, Any], SourceRecord | None],
        *,
        file: str | Path,
    ) -> Iterator[SourceRecord]:
        """Turn ``(record_id, raw)`` pairs into records; a failure drops only that one record.

        :class:`SkipRecord` is the reader's own word on a malformed record; any other exception
        (a reader bug, an odd value) is reported the same way, with its type, and reading goes on.
        """
        for record_id, raw in items:
            try:
                record = build(record_id, raw)
            except SkipRecord as skip:
                self.problem(str(skip), file=file, record_id=record_id, field=skip.field)
                continue
            except Exception as error:
                self.problem(f"reader failed on this record: {describe_error(error)}", file=file,
                             record_id=record_id)
                continue
            if record is not None:
                yield record


DERIVED_PREFIX = "derived:"


def _stamp_key(sources: Iterable[Path]) -> str:
    """A short digest of the sources' names, sizes and modification times."""
    digest = hashlib.sha256()
    for source in sources:
        info = source.stat()
        digest.update(f"{source.name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:12]


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def derived_dir(task_id: str, root: Path) -> Path:
    """Where composed images for ``task_id`` read from ``root`` are cached.

    Under the cache directory the metadata cache uses (``$VISIONFLAN_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/visionflan``, else ``~/.cache/visionflan``); where that is not writable, a
    per-user folder in the system temporary directory.
    """
    from ._metadata_cache import cache_dir

    key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    for base in (cache_dir(), Path(tempfile.gettempdir()) / f"visionflan-{_user()}"):
        folder = base / "derived" / task_id / key
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    raise OSError(f"no writable cache directory for derived images of {task_id}")


def _user() -> str:
    try:
        return str(os.getuid())
    except AttributeError:  # pragma: no cover - not POSIX
        return "user"


def resolve_image(task_id: str, root: Path, reference: str) -> Path:
    """The file behind an image reference of a record read from ``root``."""
    if reference.startswith(DERIVED_PREFIX):
        return derived_dir(task_id, root) / reference[len(DERIVED_PREFIX):]
    return root / reference


def require(raw: Mapping[Any, Any], key: str | int) -> Any:
    """``raw[key]``, or a :class:`SkipRecord` naming the missing field."""
    try:
        value = raw[key]
    except (KeyError, TypeError):
        raise SkipRecord(f"missing field {key!r}", field=str(key)) from None
    if value is None:
        raise SkipRecord(f"field {key!r} is null", field=str(key))
    return value
