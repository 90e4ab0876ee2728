"""What readers produce: plain source records plus a context that collects bad ones."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem


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
    """Passed to every reader: the dataset folder, the task and a sink for malformed records."""

    task_id: str
    root: Path
    problems: list[Problem] = field(default_factory=list)

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
        try:
            return path.resolve().relative_to(self.real_root).as_posix()
        except ValueError:
            return str(path)

    def image(self, relative: str, *, file: str | Path | None = None, record_id: object = None) -> str:
        """Check an image path from an annotation: inside the root and present; return it POSIX."""
        candidate = (self.root / relative).resolve()
        if not candidate.is_relative_to(self.real_root):
            raise SkipRecord(f"image path {relative!r} resolves outside the data root", field="image")
        if not candidate.is_file():
            raise SkipRecord(f"image {relative!r} does not exist", field="image")
        return candidate.relative_to(self.real_root).as_posix()

    def derived(self, name: str, build: Callable[[Path], None]) -> str:
        """An image the task composes from raw files (e.g. a RecipeQA panel), built once.

        ``build(path)`` writes the image; it lands in the derived-image cache, never in the data
        folder (which may be read-only). The returned reference resolves through
        :func:`resolve_image`.
        """
        path = derived_dir(self.task_id, self.root) / name
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f".{path.name}.partial")
            build(partial)
            partial.replace(path)
        return f"{DERIVED_PREFIX}{name}"

    def build_each(
        self,
        items: Iterable[tuple[object, Any]],
        build: Callable[[object, Any], SourceRecord | None],
        *,
        file: str | Path,
    ) -> Iterator[SourceRecord]:
        """Turn ``(record_id, raw)`` pairs into records; a :class:`SkipRecord` drops only that one."""
        for record_id, raw in items:
            try:
                record = build(record_id, raw)
            except SkipRecord as skip:
                self.problem(str(skip), file=file, record_id=record_id, field=skip.field)
                continue
            if record is not None:
                yield record


DERIVED_PREFIX = "derived:"


def derived_dir(task_id: str, root: Path) -> Path:
    """Where composed images for ``task_id`` read from ``root`` are cached."""
    import hashlib
    import os

    base = os.environ.get("VISIONFLAN_CACHE_DIR") or str(Path.home() / ".cache" / "visionflan")
    key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    return Path(base) / "derived" / task_id / key


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
