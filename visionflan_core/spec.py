"""The task contract: ``dataset.yaml`` (what is true of a dataset) and ``task.yaml`` (what one task adds).

A dataset folder owns its tasks. Each task inherits the dataset's reader, reader options, fields,
layout, download and notes, and overrides keys explicitly; :func:`compose` merges the two files into
the :class:`TaskSpec` the rest of the package uses. A task value that repeats the inherited one
verbatim, and placeholder text anywhere, are validation errors: copies drift, TODOs ship.
"""

from __future__ import annotations

import re
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from .vocab import ANSWER_TYPES, CATEGORIES, GROUPS

TASK_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
DATASET_ID_PATTERN = TASK_ID_PATTERN
_CALLABLE_REF = re.compile(r"^(\./[\w/]+\.py|[A-Za-z_][\w.]*):[A-Za-z_]\w*$")
_PLACEHOLDER = re.compile(r"\b(TODO|FIXME|TBD|XXX)\b|<fill[^>]*>|lorem ipsum", re.IGNORECASE)

_VOCABULARIES: dict[str, tuple[str, ...]] = {
    "category": CATEGORIES,
    "group": GROUPS,
    "answer_type": ANSWER_TYPES,
}

# What ``metric:`` in task.yaml may name (scored by ``vf-eval score``); absent: chosen from answer_type
Metric = Literal[
    "mc_accuracy", "vqa_accuracy", "exact_match", "anls", "label_match", "cider", "rouge_l", "bleu4"
]
METRICS: tuple[str, ...] = get_args(Metric)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _callable_ref(value: str | None) -> str | None:
    if value is not None and not _CALLABLE_REF.match(value):
        raise ValueError(f"{value!r} is not 'module:function' or './file.py:function'")
    return value


def placeholders(value: Any, path: str = "") -> list[str]:
    """Dotted paths of every string in ``value`` that still holds placeholder text."""
    if isinstance(value, str):
        return [path or "<root>"] if _PLACEHOLDER.search(value) else []
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in placeholders(v, f"{path}.{k}" if path else str(k))]
    if isinstance(value, list | tuple):
        return [p for i, v in enumerate(value) for p in placeholders(v, f"{path}[{i}]")]
    return []


Training = Literal["allowed", "research-only", "forbidden", "unknown"]
Redistribution = Literal["allowed", "forbidden", "unknown"]
Access = Literal["public", "registration", "request-only", "unknown"]


class LicenceTerms(_Strict):
    """What a dataset's licence permits, machine-readable; ``unknown`` (the default) claims nothing.

    ``training``: may the data train a model (``research-only``: non-commercial or research use only).
    ``redistribution``: may its images be passed on in an export's shards. ``access``: how the data is
    obtained. An export whose shards would hold a ``training: forbidden`` dataset stops unless the
    user acknowledges that dataset (``vf-tasks export --acknowledge-terms ID``).
    """

    training: Training = "unknown"
    redistribution: Redistribution = "unknown"
    access: Access = "unknown"


SPLIT_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class SplitSize(_Strict):
    """One official split: how many records the task's reader yields for it, per the source."""

    size: int = Field(ge=1, description="records expected (in the reader's unit: images, questions...)")
    images: str | None = Field(
        default=None,
        description="glob over a record's first image path (relative to the data folder) that places "
                    "the record in this split; needed when more than one split is declared")


class Splits(_Strict):
    """The official split sizes of a dataset, and the document that states them."""

    source: str = Field(min_length=1, description="URL (and where in it) that gives the sizes")
    sizes: dict[str, SplitSize] = Field(min_length=1)

    @field_validator("sizes")
    @classmethod
    def _attributable(cls, value: dict[str, SplitSize]) -> dict[str, SplitSize]:
        for name in value:
            if not re.match(SPLIT_NAME_PATTERN, name):
                raise ValueError(f"split name {name!r} does not match {SPLIT_NAME_PATTERN}")
        if len(value) > 1:
            unplaced = [name for name, split in value.items() if not split.images]
            if unplaced:
                raise ValueError(f"several splits are declared, so each needs an 'images' glob that "
                                 f"places its records; missing for {', '.join(unplaced)}")
        return value

    def only(self, names: list[str] | None) -> Splits:
        """These sizes restricted to ``names`` (all of them when ``None``)."""
        if names is None:
            return self
        return Splits(source=self.source, sizes={name: self.sizes[name] for name in names})


class DatasetSpec(_Strict):
    """``dataset.yaml``: everything true of one source dataset, shared by all of its tasks."""

    id: str = Field(pattern=DATASET_ID_PATTERN, description="the dataset folder's name")
    name: str
    homepage: str | None = None
    license: str
    terms: LicenceTerms = Field(default_factory=LicenceTerms, description="the licence, machine-readable")
    citation: str | None = None
    dir: str | None = Field(default=None, description="folder under --data-root; default: the id")
    download: str = Field(description="where to obtain the data")
    layout: str = Field(description="the expected on-disk layout under that folder")
    format_notes: str = Field(description="what is verified (against which source) and what is a guess")
    reader: str = Field(description="'./reader.py:function' in the dataset folder, or 'module:function'")
    options: dict[str, Any] = Field(default_factory=dict, description="default keyword arguments")
    fields: list[str] = Field(description="template variables every record provides")
    contributors: list[str] = Field(default=["visionflan maintainers"], min_length=1)
    fixture: str = Field(default="fixture", description="the bundled sample, in the real layout")
    fixture_seed: int = 0
    splits: Splits | None = Field(default=None, description="official split sizes, for `vf-tasks check`")

    @field_validator("reader")
    @classmethod
    def _reader_ref(cls, value: str | None) -> str | None:
        return _callable_ref(value)

    @property
    def data_dir(self) -> str:
        """The folder under ``--data-root`` that holds this dataset."""
        return self.dir or self.id


class ChoicesSpec(_Strict):
    """How multiple-choice options are ordered and labelled."""

    labels: Literal["lower", "upper", "number"] = "lower"
    shuffle: bool = False


class FormatterSpec(_Strict):
    """The answer formatter: a shared one by name, or a 'module:function' / './file.py:function'."""

    name: str = "verbatim"
    options: dict[str, Any] = Field(default_factory=dict)


class TaskFile(_Strict):
    """``task.yaml``: only what is true of this task; the rest is inherited from ``dataset.yaml``."""

    id: str = Field(pattern=TASK_ID_PATTERN)
    release_name: str | None = Field(default=None, description="Vision-Flan task_name, if released")
    paper_name: str | None = None
    description: str = ""
    category: str
    group: str
    answer_type: str
    metric: Metric | None = Field(
        default=None, description="how vf-eval scores the task; default: chosen from answer_type")
    images_per_instance: int = Field(default=1, ge=0)
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    example_id: str = Field(
        default="vision-flan_{release_name}+{record_id}",
        description="format string over release_name, task_id, record_id",
    )
    templates: dict[str, str] = Field(default_factory=lambda: {"instruction": "instruction.jinja"})
    image_placement: Literal["random", "before", "after"] = "random"
    keep_trailing_newline: bool = Field(
        default=False, description="keep one trailing newline the formatter ends the target with")
    choices: ChoicesSpec | None = None
    formatter: FormatterSpec = Field(default_factory=FormatterSpec)
    catalogue_notes: str = Field(default="", description="where this task differs from the catalogue")
    # overrides of the dataset's values (inherited when absent)
    reader: str | None = None
    options: dict[str, Any] = Field(default_factory=dict, description="merged over the dataset's")
    fields: list[str] | None = None
    contributors: list[str] | None = None
    format_notes: str = Field(default="", description="added to the dataset's notes for this task")
    splits: list[str] | None = Field(
        default=None, min_length=1,
        description="which of the dataset's declared splits this task reads (default: all of them)")

    @field_validator("reader")
    @classmethod
    def _reader_ref(cls, value: str | None) -> str | None:
        return _callable_ref(value)

    @field_validator("category", "group", "answer_type")
    @classmethod
    def _in_vocabulary(cls, value: str, info: ValidationInfo) -> str:
        allowed = _VOCABULARIES[str(info.field_name)]
        if value not in allowed:
            choices = "the paper's 25 categories" if allowed is CATEGORIES else ", ".join(allowed)
            raise ValueError(f"{value!r} is not one of {choices}")
        return value

    @model_validator(mode="after")
    def _instruction_template(self) -> TaskFile:
        if "instruction" not in self.templates:
            raise ValueError("templates must name an 'instruction' template")
        if "{record_id}" not in self.example_id:
            raise ValueError("example_id must contain {record_id}")
        return self


class SourceSpec(_Strict):
    """Where a task's raw records come from and how they are read (dataset values plus overrides)."""

    reader: str
    options: dict[str, Any] = Field(default_factory=dict)
    fields: list[str]
    dir: str
    layout: str
    download: str
    format_notes: str = ""


class FixtureSpec(_Strict):
    """The dataset's bundled sample (relative to the dataset folder) and this task's snapshot."""

    path: str = "fixture"
    snapshot: str = "snapshot.json"
    seed: int = 0


class TaskSpec(_Strict):
    """One task's effective metadata: its ``task.yaml`` over its ``dataset.yaml``."""

    id: str
    release_name: str | None
    paper_name: str | None
    description: str
    dataset: str
    category: str
    group: str
    answer_type: str
    images_per_instance: int
    version: str
    contributors: list[str]
    metric: Metric | None = None
    example_id: str
    templates: dict[str, str]
    image_placement: Literal["random", "before", "after"]
    keep_trailing_newline: bool = False
    choices: ChoicesSpec | None
    formatter: FormatterSpec
    source: SourceSpec
    fixture: FixtureSpec
    catalogue_notes: str
    splits: Splits | None = Field(default=None, description="the declared splits this task reads")

    @property
    def data_dir(self) -> str:
        """The folder under ``--data-root`` that holds this task's dataset."""
        return self.source.dir

    def example_key(self, record_id: str) -> str:
        """The example id of a record, in the released shape (the one place the formula lives)."""
        return self.example_id.format(
            release_name=self.release_name or self.id, task_id=self.id, record_id=record_id
        )


def inheritance_problems(dataset: DatasetSpec, task: TaskFile) -> list[str]:
    """Task values that repeat the inherited ones verbatim (each should simply be left out), and
    declared splits the dataset does not have."""
    found = [
        f"options.{key}: repeats the dataset's value {value!r}; leave it out"
        for key, value in task.options.items()
        if key in dataset.options and dataset.options[key] == value
    ]
    for name in ("reader", "fields", "contributors"):
        value = getattr(task, name)
        if value is not None and value == getattr(dataset, name):
            found.append(f"{name}: repeats the dataset's value; leave it out")
    if task.format_notes and task.format_notes.strip() in dataset.format_notes:
        found.append("format_notes: repeats the dataset's notes; leave it out")
    if task.splits is not None:
        declared = list(dataset.splits.sizes) if dataset.splits else []
        unknown = [name for name in task.splits if name not in declared]
        if unknown:
            found.append(f"splits: {', '.join(unknown)} not among the dataset's declared splits "
                         f"({', '.join(declared) or 'none'})")
        elif sorted(task.splits) == sorted(declared):
            found.append("splits: names every declared split, which is the default; leave it out")
    return found


def compose(dataset: DatasetSpec, task: TaskFile) -> TaskSpec:
    """The effective spec of ``task`` in ``dataset``: task values override, options merge."""
    notes = dataset.format_notes
    if task.format_notes:
        notes = f"{notes}\nThis task: {task.format_notes}"
    return TaskSpec(
        id=task.id,
        release_name=task.release_name,
        paper_name=task.paper_name,
        description=task.description,
        dataset=dataset.id,
        category=task.category,
        group=task.group,
        answer_type=task.answer_type,
        metric=task.metric,
        images_per_instance=task.images_per_instance,
        version=task.version,
        contributors=task.contributors or dataset.contributors,
        example_id=task.example_id,
        templates=task.templates,
        image_placement=task.image_placement,
        keep_trailing_newline=task.keep_trailing_newline,
        choices=task.choices,
        formatter=task.formatter,
        source=SourceSpec(
            reader=task.reader or dataset.reader,
            options={**dataset.options, **task.options},
            fields=task.fields if task.fields is not None else dataset.fields,
            dir=dataset.data_dir,
            layout=dataset.layout,
            download=dataset.download,
            format_notes=notes,
        ),
        fixture=FixtureSpec(path=dataset.fixture, seed=dataset.fixture_seed),
        catalogue_notes=task.catalogue_notes,
        splits=dataset.splits.only(task.splits) if dataset.splits else None,
    )
