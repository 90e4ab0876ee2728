"""``vf-tasks check``: read every selected task's real data, without rendering or writing shards.

Each task's data folder is read by its own reader; every record's images are checked (regular
file, header parses, complete: end-of-image marker; ``decode`` also decodes every pixel). What is
missing or malformed is reported per task with full paths, so it can be fixed where it lies. A task
that raises anything is a problem of that task; the others are still checked.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from .errors import Problem, TaskError
from .images import (
    IMAGE_ERRORS,
    NotRegularFile,
    check_image,
    image_error_reason,
    read_regular_file,
    truncation,
)
from .records import resolve_image


@dataclass
class TaskCheck:
    """What reading one task's data found."""

    task_id: str
    folder: Path
    records: int = 0
    images: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.records > 0 and not self.problems


def quick_image_check(path: Path) -> str | None:
    """``None`` if ``path`` is a regular, complete image file whose header parses, else why not."""
    try:
        data = read_regular_file(path)
        with Image.open(io.BytesIO(data)) as image:
            return truncation(data, image.format)
    except NotRegularFile:
        return "image is not a regular file (a FIFO, device or folder): not read"
    except IMAGE_ERRORS as error:
        return image_error_reason(error)


def check_task(registry: Any, task_id: str, data_root: Path, *, decode: bool = False) -> TaskCheck:
    """Read ``task_id`` from ``data_root``; problems name full paths."""
    folder = data_root.resolve()
    result = TaskCheck(task_id, folder)
    try:
        task = registry.load(task_id)
        root = task.dataset_root(data_root).resolve()
        result.folder = root
        if not root.is_dir():
            result.problems.append(Problem(
                task_id=task_id, file=str(root),
                message=f"data folder missing; expected layout: {task.spec.source.layout}"))
            return result
        found: list[Problem] = []
        expected = task.spec.images_per_instance
        for record in task.read(root, found):
            result.records += 1
            if len(record.images) != expected:
                found.append(Problem(task_id=task_id, record_id=record.id, field="images",
                                     message=f"{len(record.images)} images; task declares {expected}"))
            for image in record.images:
                result.images += 1
                path = resolve_image(task_id, root, image)
                reason = check_image(path) if decode else quick_image_check(path)
                if reason:
                    found.append(Problem(task_id=task_id, file=str(path), record_id=record.id,
                                         field="images", message=reason))
        result.problems.extend(_absolute(p, root) for p in found)
    except TaskError as error:
        result.problems.append(error.problem)
    except Exception as error:  # the task's own code: this task's problem only
        message = " ".join(str(error).split())
        result.problems.append(Problem(task_id=task_id, message=f"reading failed: "
                                       f"{type(error).__name__}: {message}"))
    return result


def _absolute(problem: Problem, root: Path) -> Problem:
    """A reader reports files relative to the dataset folder; a data check shows where they are."""
    if problem.file and not Path(problem.file).is_absolute():
        return problem._replace(file=str(root / problem.file))
    return problem
