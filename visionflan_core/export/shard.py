"""One shard: render its examples, prepare their images, feed every writer, then mark it done.

A shard is a pure function of its slice of the plan, so any worker, partition or later resumed run
writes the same bytes. The completion marker under ``.parts/`` is written last; a shard without
one is simply written again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from visionflan_shards import conversation_problem

from ..errors import Problem, TaskError, os_error_line
from ..example import Example
from .errors import ExportError
from .fsutil import write_json
from .images import ImageSkip, prepare
from .output_dir import PARTS
from .parallel import context
from .plan import PlanItem
from .prompts import place_images
from .settings import ExportContext
from .sources import Candidate
from .stable import describe_error, stable_text
from .stats import Stats
from .writers import IMAGE_FOLDER_FORMATS, OutputRecord, ShardWriter, writer_class

IMAGE_TOKEN = "<image>"


def marker_path(out: Path, index: int) -> Path:
    """The completion marker (and manifest) of shard ``index``."""
    return out / PARTS / f"shard-{index:05d}.json"


@dataclass(frozen=True)
class ShardJob:
    """Shard ``index``: the plan's examples ``start`` .. ``start + len(items)``."""

    index: int
    start: int
    items: list[PlanItem]


def write_shard(job: ShardJob) -> dict[str, Any]:
    """Worker: write every format of one shard and return its manifest."""
    ctx: ExportContext = context()
    writers: dict[str, ShardWriter] = {}
    try:
        for name in ctx.settings.formats:
            writers[name] = writer_class(name)(ctx.out, job.index)
        stats, skipped = _write_records(ctx, job, list(writers.values()))
        files = {name: asdict(writer.close()) for name, writer in writers.items()}
    except BaseException as error:
        for writer in writers.values():
            writer.abort()  # never raises: every partial file of this shard goes
        if isinstance(error, OSError):
            raise ExportError(f"shard {job.index}: {os_error_line(error)}") from None
        raise
    manifest = {
        "index": job.index,
        "start": job.start,
        "planned": len(job.items),
        "examples": len(job.items) - len(skipped),
        "files": files,
        "skipped": skipped,
        "stats": stats.to_json(),
    }
    write_json(marker_path(ctx.out, job.index), manifest)
    return manifest


def _write_records(
    ctx: ExportContext, job: ShardJob, writers: list[ShardWriter]
) -> tuple[Stats, list[dict[str, Any]]]:
    stats = Stats()
    skipped: list[dict[str, Any]] = []
    images_folder = ctx.out / "images"
    to_folder = bool(IMAGE_FOLDER_FORMATS & set(ctx.settings.formats))
    for offset, (_, task_id, key, payload) in enumerate(job.items):
        try:
            record = _record(ctx, Candidate(task_id, key, payload), job.start + offset)
        except Exception as error:  # a task's own code or a bad image: that record's problem only
            skip = _skip_entry(ctx, job.start + offset, task_id, key, error)
            if ctx.settings.strict:
                raise ExportError(f"{task_id}: {skip['id']}: {skip['image'] or '-'}: {skip['reason']} "
                                  "(--strict)") from None
            skipped.append(skip)
            continue
        if to_folder:
            for image in record.images:
                image.place(images_folder / image.name, link=ctx.settings.images.link)
        for writer in writers:
            writer.add(record)
        example = record.example
        stats.add_example(task_id, record.category, example.prompt, example.target,
                          len(example.conversations),
                          [(image.width, image.height) for image in record.images])
    return stats, skipped


def _skip_entry(ctx: ExportContext, index: int, task_id: str, key: str,
                error: Exception) -> dict[str, Any]:
    """The ``skipped.jsonl`` line of a record that failed: stable text, no object reprs or paths."""
    if isinstance(error, ImageSkip):
        reason = error.reason
    elif isinstance(error, (TaskError, EmptyTurn)):
        reason = f"render failed: {error}"
    else:
        reason = f"render failed: {describe_error(error)}"
    return {"index": index, "task": task_id, "id": getattr(error, "example_id", None) or key,
            "image": error.image if isinstance(error, ImageSkip) else None,
            "reason": stable_text(reason, ctx.source.places())}


class EmptyTurn(Exception):
    """A rendered turn with no text (an empty target trains the model to say nothing)."""

    def __init__(self, message: str, example_id: str) -> None:
        super().__init__(message)
        self.example_id = example_id


def _check_turns(example: Example) -> None:
    for index, turn in enumerate(example.conversations):
        if not turn.value.replace(IMAGE_TOKEN, "").strip():
            name = "target" if turn.speaker == "gpt" else "prompt"
            raise EmptyTurn(f"empty {name} (turn {index})", example.id)


def _record(ctx: ExportContext, candidate: Candidate, index: int) -> OutputRecord:
    """Render one candidate, apply the mixture's placement policy, prepare its images."""
    made = ctx.source.materialise(candidate)
    example = made.example if made.placed else place_images(
        made.example, ctx.spec.image_placement, ctx.spec.seed)
    if why := conversation_problem([(t.speaker, t.value) for t in example.conversations], len(made.images)):
        raise TaskError(Problem(candidate.task_id, why, record_id=example.id))
    _check_turns(example)
    try:
        images = [prepare(ref, ctx.settings.images) for ref in made.images]
    except ImageSkip as skip:
        skip.example_id = example.id
        raise
    return OutputRecord(index, example, ctx.categories[candidate.task_id], images)
