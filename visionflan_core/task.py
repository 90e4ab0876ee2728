"""A loaded task: metadata plus compiled templates, reader and formatter, and the render step."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2

from ._refs import resolve_callable
from .errors import Problem, TaskError
from .example import Example, Provenance, Turn
from .formatters import Formatter, build_formatter
from .records import ReadContext, SourceRecord
from .seeding import example_rng
from .spec import TaskSpec
from .templating import CompiledTemplate, compile_template

IMAGE_TOKEN = "<image>"
_LABELS: dict[str, Callable[[int], str]] = {
    "lower": lambda i: chr(ord("a") + i),
    "upper": lambda i: chr(ord("A") + i),
    "number": lambda i: str(i + 1),
}
_UNDEFINED = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")

Reader = Callable[..., Iterator[SourceRecord]]


class Task:
    """One task folder, loaded: everything heavy is built on first use and then reused."""

    def __init__(self, spec: TaskSpec, folder: Path) -> None:
        self.spec = spec
        self.folder = folder

    def __repr__(self) -> str:
        return f"Task({self.spec.id!r}, {str(self.folder)!r})"

    @property
    def id(self) -> str:
        return self.spec.id

    @cached_property
    def templates(self) -> dict[str, CompiledTemplate]:
        """Every template of the task, parsed once."""
        compiled = {}
        for template_id, file_name in self.spec.templates.items():
            path = self.folder / file_name
            try:
                source = path.read_text(encoding="utf-8")
                compiled[template_id] = compile_template(f"{self.id}:{template_id}", source)
            except (OSError, jinja2.TemplateError) as error:
                raise self._error(f"template does not load: {error}", file=file_name) from error
        return compiled

    @cached_property
    def reader(self) -> Reader:
        try:
            return resolve_callable(
                self.spec.source.reader, self.folder, f"visionflan_task_code.{self.id}"
            )
        except Exception as error:  # any import failure is this task's problem only
            raise self._error(f"reader does not import: {error!r}", field="source.reader") from error

    @cached_property
    def formatter(self) -> Formatter:
        try:
            return build_formatter(self.spec.formatter, self.folder, self.id)
        except Exception as error:
            raise self._error(f"formatter does not build: {error}", field="formatter") from error

    @property
    def fixture_root(self) -> Path:
        """The folder holding the bundled sample, laid out like the dataset's own folder."""
        return (self.folder / self.spec.fixture.path).resolve()

    def dataset_root(self, data_root: Path | None) -> Path:
        """Where this task reads from: ``<data_root>/<dataset dir>``, or its fixture."""
        return self.fixture_root if data_root is None else data_root / self.spec.data_dir

    def read(self, root: Path, problems: list[Problem] | None = None) -> Iterator[SourceRecord]:
        """Source records from ``root``; malformed ones are appended to ``problems`` and skipped."""
        if not root.is_dir():
            raise self._error(
                f"data folder {root} does not exist; expected layout: {self.spec.source.layout}",
                file=str(root),
            )
        context = ReadContext(self.id, root, problems if problems is not None else [])
        yield from self.reader(context, root, **self.spec.source.options)

    def render(
        self, record: SourceRecord, seed: int = 0, template_id: str = "instruction"
    ) -> Example:
        """Turn one source record into an example; all randomness is seeded by the example id.

        The per-example generator is drawn in a fixed order: option shuffle, then image placement.
        """
        spec = self.spec
        example_id = spec.example_id.format(
            release_name=spec.release_name or spec.id, task_id=spec.id, record_id=record.id
        )
        rng = example_rng(seed, spec.id, example_id)
        context: dict[str, Any] = dict(record.fields)
        context["label"] = record.label
        if spec.choices is not None:
            context.update(self._options(record, rng))
        template = self.templates[template_id]
        try:
            prompt = template.render(context).strip()
            target = self.formatter(context).strip()
        except jinja2.UndefinedError as error:
            found = _UNDEFINED.search(str(error))
            variable = next((g for g in found.groups() if g), None) if found else None
            raise self._error(
                f"template variable undefined: {error}",
                file=spec.templates.get(template_id),
                record_id=record.id,
                field=variable,
            ) from error
        except jinja2.TemplateError as error:
            raise self._error(
                f"template failed: {error}", file=spec.templates.get(template_id), record_id=record.id
            ) from error
        tokens = "\n".join([IMAGE_TOKEN] * len(record.images))
        if tokens:
            before = spec.image_placement == "before" or (
                spec.image_placement == "random" and rng.random() < 0.5
            )
            prompt = f"{tokens}\n{prompt}" if before else f"{prompt}\n{tokens}"
        return Example(
            id=example_id,
            task_id=spec.id,
            release_name=spec.release_name,
            images=list(record.images),
            conversations=[Turn(speaker="human", value=prompt), Turn(speaker="gpt", value=target)],
            raw_label=record.label,
            provenance=Provenance(
                task_version=spec.version,
                template_id=template_id,
                template_hash=template.sha256,
                source_record_id=record.id,
                seed=seed,
            ),
        )

    def examples(
        self, data_root: Path | None = None, seed: int = 0, problems: list[Problem] | None = None
    ) -> Iterator[Example]:
        """Rendered examples from real data under ``data_root``, or from the bundled fixture."""
        for record in self.read(self.dataset_root(data_root), problems):
            yield self.render(record, seed)

    def _options(self, record: SourceRecord, rng: Any) -> dict[str, Any]:
        assert self.spec.choices is not None
        if not record.choices or record.answer_index is None:
            raise self._error(
                "multiple-choice task got a record without choices/answer", record_id=record.id,
                field="choices",
            )
        if not 0 <= record.answer_index < len(record.choices):
            raise self._error(
                f"answer index {record.answer_index} outside {len(record.choices)} choices",
                record_id=record.id,
                field="answer_index",
            )
        order = list(range(len(record.choices)))
        if self.spec.choices.shuffle:
            rng.shuffle(order)
        label = _LABELS[self.spec.choices.labels]
        options = [{"label": label(i), "text": record.choices[j]} for i, j in enumerate(order)]
        return {"options": options, "answer": options[order.index(record.answer_index)]}

    def _error(self, message: str, **where: Any) -> TaskError:
        return TaskError(Problem(task_id=self.id, message=message, **where))
