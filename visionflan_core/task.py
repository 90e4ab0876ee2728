"""A loaded task: metadata plus compiled templates, reader and formatter, and the render step."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import jinja2

from ._refs import resolve_callable
from .errors import Problem, TaskError, describe_error
from .example import Example, Provenance, Turn
from .formatters import Formatter, build_formatter
from .records import ReadContext, SourceRecord
from .seeding import derive_seed, example_rng
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
Placement = Literal["task", "before", "after", "random"]


def _folder_key(folder: Path) -> str:
    """Distinguishes two dataset folders with one id (a test world beside the built-ins)."""
    return hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:10]


class Task:
    """One task folder, loaded: everything heavy is built on first use and then reused."""

    def __init__(self, spec: TaskSpec, folder: Path, dataset_folder: Path) -> None:
        self.spec = spec
        self.folder = folder
        self.dataset_folder = dataset_folder

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
                self.spec.source.reader, self.dataset_folder,
                f"visionflan_dataset_code.{self.spec.dataset}_{_folder_key(self.dataset_folder)}",
            )
        except Exception as error:  # any import failure is this task's problem only
            raise self._error(f"reader does not import: {error!r}", field="source.reader") from error

    @cached_property
    def formatter(self) -> Formatter:
        try:
            return build_formatter(self.spec.formatter, self.folder, self.id)
        except Exception as error:
            raise self._error(f"formatter does not build: {error}", field="formatter") from error

    def undeclared_variables(self, template: CompiledTemplate) -> list[str]:
        """Variables ``template`` uses that no record of this task provides (sorted).

        The one static check for every template, the task's own and a mixture's extra ones:
        the reader's declared fields, ``label``, and ``options``/``answer`` for multiple choice.
        """
        allowed = set(self.spec.source.fields) | {"label"}
        if self.spec.choices is not None:
            allowed |= {"options", "answer"}
        return sorted(template.variables - allowed)

    @property
    def fixture_root(self) -> Path:
        """The dataset's bundled sample, laid out like the dataset's own folder."""
        return (self.dataset_folder / self.spec.fixture.path).resolve()

    def dataset_root(self, data_root: Path | None) -> Path:
        """Where this task reads from: ``<data_root>/<dataset dir>``, or its fixture."""
        return self.fixture_root if data_root is None else data_root / self.spec.data_dir

    def read(
        self, root: Path, problems: list[Problem] | None = None, *, follow_symlinks: bool = True
    ) -> Iterator[SourceRecord]:
        """Source records from ``root``; malformed ones are appended to ``problems`` and skipped.

        A reader that raises (any exception type) ends this task's reading with a problem that
        names the task and reader; what it yielded before stays, and other tasks are untouched.
        """
        if not root.is_dir():
            raise self._error(
                f"data folder {root} does not exist; expected layout: {self.spec.source.layout}",
                file=str(root),
            )
        sink = problems if problems is not None else []
        context = ReadContext(self.id, root, sink, follow_symlinks=follow_symlinks)
        try:
            yield from self.reader(context, root, **self.spec.source.options)
        except TaskError:
            raise
        except Exception as error:
            sink.append(Problem(task_id=self.id, field="source.reader",
                                message=f"reader failed, reading stopped: {describe_error(error)}"))

    def render(
        self,
        record: SourceRecord,
        seed: int = 0,
        template_id: str = "instruction",
        placement: Placement = "task",
    ) -> Example:
        """Turn one source record into an example; all randomness is seeded by the example id.

        The per-example generator is drawn in a fixed order: option shuffle, then image placement.
        ``placement`` overrides the task's own ``<image>`` placement (a mixture's policy; its
        ``random`` coin is seeded separately so it is independent of the task's own choice). Any
        failure of the template or formatter, whatever its type, is a :class:`TaskError` naming
        this record.
        """
        spec = self.spec
        example_id = spec.example_key(record.id)
        rng = example_rng(seed, spec.id, example_id)
        context: dict[str, Any] = dict(record.fields)
        context["label"] = record.label
        if spec.choices is not None:
            context.update(self._options(record, rng))
        template = self.templates[template_id]
        template_file = spec.templates.get(template_id, template_id)
        prompt = self._run(lambda: template.render(context), record, template_file, "template")
        target = self._run(lambda: self.formatter(context), record, "formatter", "formatter")
        prompt = self._place_images(prompt.strip(), len(record.images), rng, placement, seed,
                                    example_id)
        return Example(
            id=example_id,
            task_id=spec.id,
            release_name=spec.release_name,
            images=list(record.images),
            conversations=[Turn(speaker="human", value=prompt),
                           Turn(speaker="gpt", value=self._strip_target(target))],
            raw_label=record.label,
            provenance=Provenance(
                task_version=spec.version,
                template_id=template_id,
                template_hash=template.sha256,
                source_record_id=record.id,
                seed=seed,
            ),
        )

    def _strip_target(self, target: str) -> str:
        """The target stripped; with ``keep_trailing_newline``, one final newline it had is kept."""
        stripped = target.strip()
        if self.spec.keep_trailing_newline and target.rstrip(" \t").endswith("\n"):
            return stripped + "\n"
        return stripped

    def _run(self, step: Callable[[], str], record: SourceRecord, file: str, what: str) -> str:
        """One rendering step; whatever it raises becomes this record's problem."""
        try:
            return step()
        except TaskError:
            raise
        except jinja2.UndefinedError as error:
            found = _UNDEFINED.search(str(error))
            variable = next((g for g in found.groups() if g), None) if found else None
            raise self._error(f"{what} variable undefined: {error}", file=file,
                              record_id=record.id, field=variable) from error
        except Exception as error:
            raise self._error(f"{what} failed: {describe_error(error)}", file=file,
                              record_id=record.id) from error

    def _place_images(self, prompt: str, count: int, rng: Any, placement: Placement, seed: int,
                      example_id: str) -> str:
        """The one place ``<image>`` tokens are put into a prompt: before or after its text."""
        if count == 0:
            return prompt
        policy = self.spec.image_placement if placement == "task" else placement
        if policy == "random":
            coin = rng if placement == "task" else random.Random(
                derive_seed(seed, "placement", self.id, example_id))
            before = coin.random() < 0.5
        else:
            before = policy == "before"
        tokens = "\n".join([IMAGE_TOKEN] * count)
        return f"{tokens}\n{prompt}" if before else f"{prompt}\n{tokens}"

    def examples(
        self, data_root: Path | None = None, seed: int = 0, problems: list[Problem] | None = None
    ) -> Iterator[Example]:
        """Rendered examples from real data under ``data_root``, or from the bundled fixture."""
        for record in self.read(self.dataset_root(data_root), problems):
            yield self.render(record, seed)

    def options(self, record: SourceRecord, seed: int = 0) -> dict[str, Any] | None:
        """``{"options": [{label, text}], "answer": {label, text}}`` exactly as :meth:`render` shows
        them for ``record`` under ``seed`` (the same seeded shuffle); ``None`` if not multiple choice.
        """
        if self.spec.choices is None:
            return None
        return self._options(record, example_rng(seed, self.spec.id, self.spec.example_key(record.id)))

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
