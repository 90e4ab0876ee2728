"""Error types that name the offender: task, file, record id and field."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with a task, a file or a record; never fatal on its own.

    A NamedTuple rather than a dataclass: this module is on `vf-tasks list`'s start-up path, and
    building a frozen dataclass costs over a millisecond at import.
    """

    task_id: str
    message: str
    file: str | None = None
    record_id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = [self.task_id]
        if self.file:
            where.append(self.file)
        if self.record_id is not None:
            where.append(f"record {self.record_id}")
        if self.field:
            where.append(f"field {self.field}")
        return f"{': '.join(where)}: {self.message}"


class VisionFlanError(Exception):
    """Base class of every error this package raises on purpose."""


class TaskError(VisionFlanError):
    """A problem with one task (its metadata, template, loader or a record), with its location."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class DuplicateTaskError(VisionFlanError):
    """Two plugins registered one task id."""


class UnknownTaskError(VisionFlanError, KeyError):
    """A task id that no plugin registers."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown task"


def describe_error(error: BaseException) -> str:
    """``Type: message`` on one line (the message cut at 500 characters), or ``Type`` alone, for an
    exception from code we do not own (plugins, readers, templates)."""
    message = " ".join(str(error).split())
    name = type(error).__name__
    return f"{name}: {message[:500]}" if message else name


def os_error_line(error: OSError, path: object = None) -> str:
    """``path: reason [ERRNO]`` for an OS error (disk full, read-only target, a path under a file).

    ``path`` names the place when the error itself does not.
    """
    import errno as errno_names

    code = errno_names.errorcode.get(error.errno, str(error.errno)) if error.errno else "?"
    where = error.filename if error.filename is not None else path
    also = f" -> {error.filename2}" if getattr(error, "filename2", None) else ""
    reason = error.strerror or str(error) or type(error).__name__
    return f"{where}{also}: {reason} [{code}]" if where is not None else f"{reason} [{code}]"
