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

from ..errors import Problem, TaskError
from .fsutil import write_json
from .images import ImageSkip, prepare
from .parallel import context
from .plan import PlanItem
from .prompts import place_images
from .settings import ExportContext, ExportError
from .sources import Candidate
from .stats import Stats
from .writers import IMAGE_FOLDER_FORMATS, OutputRecord, ShardWriter, writer_class

PARTS = ".parts"


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
    writers = {name: writer_class(name)(ctx.out, job.index) for name in ctx.settings.formats}
    try:
        stats, skipped = _write_records(ctx, job, list(writers.values()))
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    files = {name: asdict(writer.close()) for name, writer in writers.items()}
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
        except (TaskError, ImageSkip) as error:
            bad = error.image if isinstance(error, ImageSkip) else None
            reason = error.reason if isinstance(error, ImageSkip) else f"render failed: {error}"
            example_id = getattr(error, "example_id", None) or key
            skip = {"index": job.start + offset, "task": task_id, "id": example_id, "image": bad,
                    "reason": reason}
            if ctx.settings.strict:
                raise ExportError(f"{task_id}: {example_id}: {bad or '-'}: {reason} (--strict)") from None
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


def _record(ctx: ExportContext, candidate: Candidate, index: int) -> OutputRecord:
    """Render one candidate, apply the mixture's placement policy, prepare its images."""
    made = ctx.source.materialise(candidate)
    example = made.example if made.placed else place_images(
        made.example, ctx.spec.image_placement, ctx.spec.seed)
    if why := conversation_problem([(t.speaker, t.value) for t in example.conversations], len(made.images)):
        raise TaskError(Problem(candidate.task_id, why, record_id=example.id))
    try:
        images = [prepare(ref, ctx.settings.images) for ref in made.images]
    except ImageSkip as skip:
        skip.example_id = example.id
        raise
    return OutputRecord(index, example, ctx.categories[candidate.task_id], images)
