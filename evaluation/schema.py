"""One predictions row, checked field by field: a bad row names the field that is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from visionflan_core.vocab import ANSWER_TYPES

METRIC_NAMES: tuple[str, ...] = (
    "mc_accuracy",
    "vqa_accuracy",
    "exact_match",
    "anls",
    "label_match",
    "cider",
    "rouge_l",
    "bleu4",
)

_DEFAULTS: dict[str, str] = {
    "multiple_choice": "mc_accuracy",
    "short_answer": "vqa_accuracy",  # a single reference scores as normalised exact match
    "label": "label_match",
    "free_text": "cider",
    "structured": "exact_match",
}
assert set(_DEFAULTS) == set(ANSWER_TYPES), "every answer type needs a default metric"


def default_metric(answer_type: str) -> str:
    """The metric a task of ``answer_type`` gets when its task.yaml declares none."""
    try:
        return _DEFAULTS[answer_type]
    except KeyError:
        raise ValueError(f"unknown answer_type {answer_type!r} (known: {', '.join(ANSWER_TYPES)})") from None


class RowError(ValueError):
    """A predictions row that cannot be scored, with the offending field."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Option:
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Prediction:
    """The fields scoring uses; ``prompt`` and ``release_name`` are not kept."""

    id: str
    task_id: str
    metric: str
    category: str
    prediction: str
    references: tuple[str, ...]
    options: tuple[Option, ...]


def _text(row: dict[str, Any], field: str) -> str:
    value = row.get(field)
    if not isinstance(value, str):
        raise RowError(
            field, "missing" if value is None else f"expected a string, got {type(value).__name__}"
        )
    return value


def _options(value: object) -> tuple[Option, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise RowError("options", f"expected a list, got {type(value).__name__}")
    options = []
    for i, item in enumerate(value):
        if not (
            isinstance(item, dict)
            and isinstance(item.get("label"), str)
            and isinstance(item.get("text"), str)
        ):
            raise RowError("options", f"item {i} is not {{label: str, text: str}}")
        options.append(Option(item["label"], item["text"]))
    return tuple(options)


def parse_row(row: object) -> Prediction:
    """Check one decoded JSON row; raises :class:`RowError` naming the first bad field."""
    if not isinstance(row, dict):
        raise RowError("(row)", f"expected a JSON object, got {type(row).__name__}")
    raw_id = row.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        raise RowError("id", "missing" if raw_id is None else "expected a string or integer")
    task_id = _text(row, "task_id")
    if not task_id:
        raise RowError("task_id", "empty")
    prediction = _text(row, "prediction")
    references = row.get("references")
    if not isinstance(references, list) or not references:
        raise RowError("references", "expected a non-empty list of strings")
    if not all(isinstance(r, str) for r in references):
        raise RowError("references", "every reference must be a string")
    metric = row.get("metric")
    if metric is None:
        answer_type = row.get("answer_type")
        if answer_type is None:
            raise RowError("metric", "missing, and no answer_type to default from")
        if answer_type not in _DEFAULTS:
            raise RowError("answer_type", f"unknown {answer_type!r}")
        metric = _DEFAULTS[answer_type]
    elif metric not in METRIC_NAMES:
        raise RowError("metric", f"unknown {metric!r} (known: {', '.join(METRIC_NAMES)})")
    category = row.get("category")
    if category is not None and not isinstance(category, str):
        raise RowError("category", "expected a string")
    return Prediction(
        id=str(raw_id),
        task_id=task_id,
        metric=metric,
        category=category or "(none)",
        prediction=prediction,
        references=tuple(references),
        options=_options(row.get("options")),
    )
