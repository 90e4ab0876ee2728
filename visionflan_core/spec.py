"""The task metadata contract (``task.yaml``), validated with pydantic."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from .vocab import ANSWER_TYPES, CATEGORIES, GROUPS

TASK_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
_CALLABLE_REF = re.compile(r"^(\./[\w/]+\.py|[A-Za-z_][\w.]*):[A-Za-z_]\w*$")


_VOCABULARIES: dict[str, tuple[str, ...]] = {
    "category": CATEGORIES,
    "group": GROUPS,
    "answer_type": ANSWER_TYPES,
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceSpec(_Strict):
    """Where a task's raw records come from and how they are read."""

    reader: str = Field(description="'package.module:function' or './file.py:function' in the task folder")
    options: dict[str, Any] = Field(default_factory=dict, description="keyword arguments for the reader")
    fields: list[str] = Field(description="template variables every record provides")
    dir: str | None = Field(default=None, description="folder under --data-root; default: dataset id")
    layout: str = Field(description="the expected on-disk layout under that folder")
    download: str = Field(description="where to obtain the data")
    format_notes: str = Field(default="", description="what is verified and what is a guess")

    @field_validator("reader")
    @classmethod
    def _callable_ref(cls, value: str) -> str:
        if not _CALLABLE_REF.match(value):
            raise ValueError(f"{value!r} is not 'module:function' or './file.py:function'")
        return value


class ChoicesSpec(_Strict):
    """How multiple-choice options are ordered and labelled."""

    labels: Literal["lower", "upper", "number"] = "lower"
    shuffle: bool = False


class FormatterSpec(_Strict):
    """The answer formatter: a shared one by name, or a 'module:function' / './file.py:function'."""

    name: str = "verbatim"
    options: dict[str, Any] = Field(default_factory=dict)


class FixtureSpec(_Strict):
    """The tiny sample of the source format that ships with the task, and its golden snapshot."""

    path: str = "fixture"
    snapshot: str = "snapshot.json"
    seed: int = 0


class TaskSpec(_Strict):
    """Everything known about a task without importing any of its code."""

    id: str = Field(pattern=TASK_ID_PATTERN)
    release_name: str | None = Field(default=None, description="Vision-Flan task_name, if released")
    paper_name: str | None = None
    description: str = ""
    dataset: str
    category: str
    group: str
    answer_type: str
    images_per_instance: int = Field(default=1, ge=0)
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    contributors: list[str] = Field(min_length=1)
    example_id: str = Field(
        default="vision-flan_{release_name}+{record_id}",
        description="format string over release_name, task_id, record_id",
    )
    templates: dict[str, str] = Field(default_factory=lambda: {"instruction": "instruction.jinja"})
    image_placement: Literal["random", "before", "after"] = "random"
    choices: ChoicesSpec | None = None
    formatter: FormatterSpec = Field(default_factory=FormatterSpec)
    source: SourceSpec
    fixture: FixtureSpec = Field(default_factory=FixtureSpec)
    catalogue_notes: str = Field(default="", description="where this task differs from the catalogue")

    @field_validator("category", "group", "answer_type")
    @classmethod
    def _in_vocabulary(cls, value: str, info: ValidationInfo) -> str:
        allowed = _VOCABULARIES[str(info.field_name)]
        if value not in allowed:
            choices = "the paper's 25 categories" if allowed is CATEGORIES else ", ".join(allowed)
            raise ValueError(f"{value!r} is not one of {choices}")
        return value

    @field_validator("dataset")
    @classmethod
    def _known_dataset(cls, value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get("datasets")
        if known is None:
            from .catalog import source_datasets

            known = source_datasets()
        if value not in known:
            raise ValueError(
                f"{value!r} is not a known source dataset: add it to visionflan_core/data/"
                "source_datasets.yaml, or ship a source_datasets.yaml beside your task folders"
            )
        return value

    @model_validator(mode="after")
    def _instruction_template(self) -> TaskSpec:
        if "instruction" not in self.templates:
            raise ValueError("templates must name an 'instruction' template")
        if "{record_id}" not in self.example_id:
            raise ValueError("example_id must contain {record_id}")
        return self

    @property
    def data_dir(self) -> str:
        """The folder under ``--data-root`` that holds this task's dataset."""
        return self.source.dir or self.dataset
