"""Registered tasks as a source: each task's own loader reads ``--data-root`` (or its fixture)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, TaskError, VisionFlanError
from ..records import DERIVED_PREFIX, SourceRecord, derived_dir
from ..registry import Registry, TaskEntry
from ..templating import compile_template
from .prompts import choose_template
from .sources import Candidate, ImageRef, Materialised, ScanLog, Source, TaskInfo, selected_entries, task_info
from .spec import MixtureSpec
from .stable import stable_text


@dataclass
class RegistrySource(Source):
    """Registered tasks read by their own loaders from ``data_root`` (``None``: bundled fixtures)."""

    registry: Registry
    spec: MixtureSpec
    data_root: Path | None
    spec_dir: Path | None = None
    kind: str = "tasks"
    follow_symlinks: bool = True
    _entries: list[TaskEntry] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._entries = selected_entries(self.registry, self.spec)
        unknown = sorted(set(self.spec.extra_templates) - {e.id for e in self._entries})
        if unknown:
            raise VisionFlanError(f"extra_templates names tasks not in the mixture: {unknown}")

    def tasks(self) -> list[TaskInfo]:
        return [task_info(e) for e in self._entries]

    def units(self) -> list[str]:
        return [e.id for e in self._entries]

    def scan(self, unit: str, log: ScanLog) -> Iterator[Candidate]:
        task = self.registry.load(unit)
        spec = task.spec
        first = len(log.problems)
        try:
            for record in task.read(task.dataset_root(self.data_root), log.problems,
                                    follow_symlinks=self.follow_symlinks):
                key = spec.example_key(record.id)
                yield Candidate(unit, key, record)
        except TaskError as error:  # e.g. its data folder is missing: that task only
            log.problems.append(error.problem)
        log.problems[first:] = [self._redact(p, task) for p in log.problems[first:]]

    def materialise(self, candidate: Candidate) -> Materialised:
        task = self.registry.load(candidate.task_id)
        pool = self._template_pool(task)
        template_id = choose_template(pool, self.spec.seed, candidate.task_id, candidate.key)
        record: SourceRecord = candidate.payload
        example = task.render(record, self.spec.seed, template_id, self.spec.image_placement)
        root = task.dataset_root(self.data_root)
        namespace = self._namespace(task)
        images = []
        for ref in example.images:
            if ref.startswith(DERIVED_PREFIX):
                images.append(ImageRef(derived_dir(task.id, root), ref[len(DERIVED_PREFIX):],
                                       f"derived/{task.id}"))
            else:
                images.append(ImageRef(root, ref, namespace))
        return Materialised(example, images, placed=True)

    def template_hashes(self) -> dict[str, dict[str, str]]:
        hashes = {}
        for entry in self._entries:
            task = self.registry.load(entry.id)
            hashes[entry.id] = {t: task.templates[t].sha256 for t in self._template_pool(task)}
        return hashes

    def datasets(self) -> dict[str, Any]:
        return self.registry.datasets()

    def describe(self) -> dict[str, Any]:
        return {"kind": self.kind, "data": "fixtures" if self.data_root is None else "data-root"}

    def _template_pool(self, task: Any) -> list[str]:
        """``instruction`` plus the spec's extra templates (compiled into the task on first use)."""
        pool = ["instruction"]
        for reference in self.spec.extra_templates.get(task.id, []):
            if reference not in task.templates:
                path = Path(reference)
                if not path.is_absolute() and self.spec_dir is not None:
                    path = self.spec_dir / path
                try:
                    source = path.read_text(encoding="utf-8")
                except OSError as error:
                    raise VisionFlanError(f"extra template {reference!r} of {task.id}: {error}") from error
                compiled = compile_template(f"{task.id}:{reference}", source)
                unknown = task.undeclared_variables(compiled)
                if unknown:
                    raise VisionFlanError(
                        f"extra template {reference!r} of {task.id} uses variables the reader does not "
                        f"provide: {', '.join(unknown)} (fields: {', '.join(task.spec.source.fields)})")
                task.templates[reference] = compiled
            pool.append(reference)
        return pool

    def _redact(self, problem: Problem, task: Any) -> Problem:
        """Problems go into the plan fingerprint: no machine-specific absolute paths in them."""
        places: list[tuple[Path | str, str]] = [(task.folder.parent, "<tasks>")]
        if self.data_root is not None:
            places.insert(0, (self.data_root, "<data-root>"))
        file = stable_text(problem.file, places) if problem.file else problem.file
        return problem._replace(message=stable_text(problem.message, places), file=file)

    def _namespace(self, task: Any) -> str:
        """Output folder for a task's images: shared by every task reading the same files."""
        if self.data_root is not None:
            return f"data/{task.spec.data_dir}"
        return f"fixtures/{task.spec.dataset}"
