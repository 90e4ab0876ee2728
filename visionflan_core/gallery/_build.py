"""Build a gallery: pick the tasks, collect their pages, write the site in one go."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from ._from_export import export_notes, export_views, read_info, scan_export
from ._from_registry import collect_task
from ._images import THUMB_SIDE, ImageStore
from ._model import DatasetView, Gallery, TaskView
from ._output import check_output, staged
from ._select import select
from ._site import write_site
from .errors import GalleryError

OnTask = Callable[[TaskView], None]


@dataclass(frozen=True)
class GalleryOptions:
    """How many examples each page shows, the render seed, thumbnail size and link policy."""

    count: int = 3
    seed: int = 0
    thumb_side: int = THUMB_SIDE
    follow_symlinks: bool = True
    overwrite: bool = False

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError(f"count must be at least 1, not {self.count}")
        if self.thumb_side < 16:
            raise ValueError(f"thumbnail side must be at least 16 pixels, not {self.thumb_side}")


@dataclass
class GalleryResult:
    """What was written: the site's folder and what it shows or could not show."""

    out: Path
    tasks: int
    examples: int
    images: int
    problems: list[Problem] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (task name, reason)

    @property
    def index(self) -> Path:
        return self.out / "index.html"


def _sorted(views: list[TaskView]) -> list[TaskView]:
    return sorted(views, key=lambda view: (view.name.lower(), view.name))


def _finish(out: Path, gallery: Gallery, store: ImageStore, site: Path) -> GalleryResult:
    gallery.tasks = _sorted(gallery.tasks)
    write_site(gallery, site)
    return GalleryResult(
        out=out, tasks=len(gallery.tasks), examples=sum(len(t.examples) for t in gallery.tasks),
        images=store.count, problems=[p for t in gallery.tasks for p in t.problems],
        failed=[(t.name, t.failed) for t in gallery.tasks if t.failed is not None])


def gallery_of_registry(out: Path, registry: Any, patterns: Sequence[str] = (), *,
                        data_root: Path | None = None, options: GalleryOptions | None = None,
                        on_task: OnTask | None = None) -> GalleryResult:
    """The site of the registry's tasks (``patterns`` select), from fixtures or ``data_root``."""
    options = options or GalleryOptions()
    candidates = [(entry.id, [entry.id, entry.release_name or ""]) for entry in registry]
    ids = select(candidates, patterns)
    if not ids:
        raise GalleryError("no task to show: the registry is empty")
    check_output(out, overwrite=options.overwrite, inputs=[data_root] if data_root else [])
    with staged(out) as site:
        store = ImageStore(site, options.thumb_side)
        views = []
        for task_id in ids:
            view = collect_task(registry, task_id, store, data_root=data_root, count=options.count,
                                seed=options.seed, follow_symlinks=options.follow_symlinks)
            views.append(view)
            if on_task is not None:
                on_task(view)
        source = "a data root" if data_root else "the bundled fixtures"
        gallery = Gallery(title="Vision-Flan tasks", source=source, tasks=views,
                          records_label="Records" if data_root else "Fixture records")
        if options.seed:
            gallery.notes.append(f"Rendered with seed {options.seed}.")
        return _finish(out, gallery, store, site)


def gallery_of_export(out: Path, export_dir: Path, patterns: Sequence[str] = (), *,
                      registry: Any = None, options: GalleryOptions | None = None,
                      on_task: OnTask | None = None) -> GalleryResult:
    """The site of an export's output folder: its tasks and records as the shards hold them."""
    options = options or GalleryOptions()
    if not export_dir.is_dir():
        raise GalleryError(f"{export_dir} is not a folder")
    check_output(out, overwrite=options.overwrite, inputs=[export_dir])
    shard_problems: list[Problem] = []
    kind, tasks = scan_export(export_dir, options.count, shard_problems)
    if not tasks:
        reason = f": {shard_problems[0]}" if shard_problems else ""
        raise GalleryError(f"{export_dir}: no valid record in its {kind} shards{reason}")
    names = select([(name, [name, task.task_id or ""]) for name, task in sorted(tasks.items())],
                   patterns)
    info = read_info(export_dir)
    with staged(out) as site:
        store = ImageStore(site, options.thumb_side)
        views = export_views(export_dir, tasks, names, registry, store, info)
        datasets = info.get("datasets")
        for view in views:
            _dataset_from_info(view, info, datasets if isinstance(datasets, dict) else {})
            if on_task is not None:
                on_task(view)
        title = f"Export {info['name']}" if isinstance(info.get("name"), str) else "Export"
        gallery = Gallery(title=title, source="an export", tasks=views,
                          records_label="Records", notes=export_notes(export_dir, kind, info))
        if shard_problems:
            gallery.notes.append(f"{len(shard_problems)} record(s) of the shards are not valid and "
                                 "are left out: " + "; ".join(str(p) for p in shard_problems[:3])
                                 + (" ..." if len(shard_problems) > 3 else ""))
        result = _finish(out, gallery, store, site)
    result.problems[:0] = shard_problems
    return result


def _dataset_from_info(view: TaskView, info: dict[str, Any], datasets: dict[str, Any]) -> None:
    """A task the registry does not know still gets its dataset's licence from ``info.json``."""
    if view.dataset is not None:
        return
    planned = next((task for task in info.get("tasks", []) if isinstance(task, dict)
                    and view.name in (task.get("release_name"), task.get("id"))), None)
    dataset_id = planned.get("dataset") if planned else None
    entry = datasets.get(dataset_id) if isinstance(dataset_id, str) else None
    if isinstance(entry, dict):
        terms = entry["terms"] if isinstance(entry.get("terms"), dict) else {}
        view.dataset = DatasetView(
            id=str(dataset_id), name=str(entry.get("name") or dataset_id),
            homepage=entry.get("homepage") if isinstance(entry.get("homepage"), str) else None,
            license=str(entry.get("license") or "-"),
            terms=", ".join(f"{key} {value}" for key, value in sorted(terms.items())) or "-",
            citation=entry.get("citation") if isinstance(entry.get("citation"), str) else None)
