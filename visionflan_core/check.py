"""``vf-tasks check``: read every selected task's real data, without rendering or writing shards.

Each task's data folder is read by its own reader; every record's images are checked (regular
file, header parses, complete: end-of-image marker; ``decode`` also decodes every pixel). What is
missing or malformed is reported per task with full paths, so it can be fixed where it lies. A task
that raises anything is a problem of that task; the others are still checked.

Where the dataset declares its official split sizes (``splits`` in ``dataset.yaml``), the records
found are counted per split (a record belongs to the split whose ``images`` glob its first image
path matches; a lone split takes every record) and set against the documented size, so a partial
download shows before an export: a task is only ``ok`` when every split it reads is complete.
"""

from __future__ import annotations

import fnmatch
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


@dataclass(frozen=True)
class SplitCount:
    """Records found in one declared split against the size its documentation gives."""

    name: str
    expected: int
    found: int
    source: str

    @property
    def complete(self) -> bool:
        return self.found == self.expected

    def describe(self) -> str:
        if self.complete:
            state = "complete"
        elif self.found < self.expected:
            missing = self.expected - self.found
            state = f"INCOMPLETE ({missing:,} missing, {self.found / self.expected:.1%} found)"
        else:
            state = f"MORE THAN DOCUMENTED (+{self.found - self.expected:,}: other data, or a wrong size?)"
        return (f"split {self.name}: {self.found:,} of {self.expected:,} record(s) expected: {state} "
                f"[sizes: {self.source}]")


@dataclass
class TaskCheck:
    """What reading one task's data found."""

    task_id: str
    folder: Path
    records: int = 0
    images: int = 0
    problems: list[Problem] = field(default_factory=list)
    splits: list[SplitCount] = field(default_factory=list)
    unplaced: int = 0  # records whose first image matches no declared split's glob

    @property
    def complete(self) -> bool:
        """Every declared split holds exactly its documented number of records."""
        return all(split.complete for split in self.splits)

    @property
    def ok(self) -> bool:
        return self.records > 0 and not self.problems and self.complete

    @property
    def status(self) -> str:
        if self.problems:
            return "FAILED"
        if not self.records:
            return "EMPTY"
        return "ok" if self.complete else "INCOMPLETE"


class SplitCounter:
    """Places records in the declared splits of a task (``None``: nothing declared, nothing counted)."""

    def __init__(self, splits: Any) -> None:
        self.splits = splits
        self.counts: dict[str, int] = dict.fromkeys(splits.sizes, 0) if splits else {}
        self.unplaced = 0

    def add(self, images: tuple[str, ...]) -> None:
        if not self.splits:
            return
        sizes = self.splits.sizes
        if len(sizes) == 1 and not next(iter(sizes.values())).images:
            self.counts[next(iter(sizes))] += 1
            return
        first = images[0] if images else ""
        for name, split in sizes.items():
            if split.images and fnmatch.fnmatchcase(first, split.images):
                self.counts[name] += 1
                return
        self.unplaced += 1

    def result(self) -> list[SplitCount]:
        if not self.splits:
            return []
        return [SplitCount(name, split.size, self.counts[name], self.splits.source)
                for name, split in self.splits.sizes.items()]


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
        counter = SplitCounter(task.spec.splits)
        for record in task.read(root, found):
            result.records += 1
            counter.add(record.images)
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
        result.splits = counter.result()
        result.unplaced = counter.unplaced
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
