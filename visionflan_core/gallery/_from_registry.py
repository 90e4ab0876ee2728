"""Gallery pages of registered tasks, rendered from their bundled fixtures or from a data root.

Each task's reader runs once over its data: every record is counted, the first ``count`` that
render become examples. A task that cannot be loaded or read is a page that says why; a record or
image that cannot be shown is a problem on its page; the other tasks go on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Problem, TaskError
from ..export.stable import describe_error, stable_text
from ..records import DERIVED_PREFIX, derived_dir
from ._images import ImageProblem, ImageStore, locate
from ._model import DatasetView, ExampleView, ImageView, TaskView
from .errors import GalleryError


def registry_task_view(entry: Any) -> TaskView:
    """A task's page without examples: everything its metadata and template files say."""
    meta = entry.info
    dataset = entry.dataset.info
    view = TaskView(
        key=meta.id, name=meta.release_name or meta.id, task_id=meta.id, category=meta.category,
        group=meta.group, answer_type=meta.answer_type, records=None,
        dataset=DatasetView(id=dataset.id, name=dataset.name, homepage=dataset.homepage,
                            license=dataset.license, terms=dataset.terms.describe(),
                            citation=dataset.citation),
    )
    view.metadata = [
        ("task id", meta.id),
        ("release name", meta.release_name or "-"),
        ("paper name", meta.paper_name or "-"),
        ("description", meta.description or "-"),
        ("category / group", f"{meta.category} / {meta.group}"),
        ("answer type", meta.answer_type),
        ("images per instance", str(meta.images_per_instance)),
        ("version", meta.version),
        ("contributors", ", ".join(meta.contributors)),
        ("reader", meta.reader),
        ("formatter", meta.formatter),
        ("templates", ", ".join(f"{key}={file}" for key, file in meta.templates)),
    ]
    for template_id, file_name in meta.templates:
        try:
            source = (entry.folder / file_name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            view.problems.append(Problem(task_id=meta.id, file=file_name, field="templates",
                                         message=f"template {template_id} unreadable: "
                                                 f"{describe_error(error)}"))
            continue
        view.templates.append((file_name, source))
    view.notes = [("data folder", f"<data-root>/{meta.data_dir}/"), ("expected layout", meta.layout),
                  ("download", meta.download), ("format notes", meta.format_notes or "-")]
    if meta.catalogue_notes:
        view.notes.append(("catalogue notes", meta.catalogue_notes))
    return view


def collect_task(registry: Any, task_id: str, store: ImageStore, *, data_root: Path | None,
                 count: int, seed: int, follow_symlinks: bool = True) -> TaskView:
    """One task's page: metadata, every record counted, the first ``count`` examples rendered."""
    entry = registry.get(task_id)
    view = registry_task_view(entry)
    places: list[tuple[Path | str, str]] = []
    try:
        task = registry.load(task_id)
        root = task.dataset_root(data_root)
        places = [(root, f"<data-root>/{task.spec.data_dir}" if data_root else "<fixture>")]
        if data_root is not None:
            places.append((data_root, "<data-root>"))
        problems: list[Problem] = []
        records = 0
        for record in task.read(root, problems, follow_symlinks=follow_symlinks):
            records += 1
            if len(view.examples) >= count:
                continue
            try:
                example = task.render(record, seed)
            except TaskError as error:
                problems.append(error.problem)
                continue
            images, missing = _store_images(store, task_id, root, example.images, follow_symlinks,
                                            problems, record.id)
            view.examples.append(ExampleView(
                id=example.id,
                turns=tuple((turn.speaker, turn.value) for turn in example.conversations),
                images=images, missing_images=missing,
                provenance=(("example id", example.id), ("task version", example.provenance.task_version),
                            ("template", example.provenance.template_id),
                            ("template sha256", example.provenance.template_hash),
                            ("source record", example.provenance.source_record_id),
                            ("seed", str(example.provenance.seed))),
            ))
        view.records = records
        view.problems.extend(problems)
    except TaskError as error:
        view.failed = error.problem.message
    except GalleryError:  # writing the site failed (disk full...): the run's error, not the task's
        raise
    except Exception as error:  # a plugin's own code: this task's problem only
        view.failed = f"task does not load or read: {describe_error(error)}"
    if view.failed is None and not view.examples:
        view.failed = "no example could be rendered" + (
            "" if view.problems else f" (no records in {'<data-root>' if data_root else '<fixture>'})")
    if view.failed is not None:
        view.failed = stable_text(view.failed, places)
    view.problems = [_stable(problem, places) for problem in view.problems]
    return view


def _store_images(store: ImageStore, task_id: str, root: Path, references: list[str],
                  follow_symlinks: bool, problems: list[Problem],
                  record_id: str) -> tuple[tuple[ImageView, ...], tuple[str, ...]]:
    shown: list[ImageView] = []
    missing: list[str] = []
    for reference in references:
        try:
            if reference.startswith(DERIVED_PREFIX):  # composed by the task from files in the root
                path = locate(derived_dir(task_id, root), reference[len(DERIVED_PREFIX):])
            else:
                path = locate(root, reference, follow_symlinks=follow_symlinks)
            shown.append(store.add(path, reference))
        except ImageProblem as problem:
            missing.append(reference)
            problems.append(Problem(task_id=task_id, file=reference, record_id=record_id,
                                    field="images", message=problem.reason))
    return tuple(shown), tuple(missing)


def _stable(problem: Problem, places: list[tuple[Path | str, str]]) -> Problem:
    """No absolute path in the site: two copies of one data root give the same pages."""
    return problem._replace(message=stable_text(problem.message, places),
                            file=stable_text(problem.file, places) if problem.file else None)
