"""What ``vf-eval generate`` evaluates: the selected tasks, their evaluation records, and references.

Evaluation records never overlap training. A task's official evaluation split is read where the
dataset has one and ``--split`` names it (its reader's ``split``/``splits`` option); otherwise the
records are the ones the training mixture never selects: every record of a task the mixture does not
select (held out), and for a task it does select, every record outside the ``cap`` smallest
selection hashes of (seed, task, example id). The mixture keeps at most ``cap`` records per task and
always the smallest hashes (:mod:`visionflan_core.export.sampling`), so whatever its rate or total,
the two sets are disjoint. Which rule each task used is recorded in ``EVAL/generate.json``.

References (all acceptable answers) come from the record, by reader family:

- VQA-style readers (VQAv2, OK-VQA, :mod:`visionflan_core.readers.vqa`) give the ten human answers
  in ``fields["answers"]`` (TDIUC's reader reads its answers but keeps only the most common as the label,
  so it gets one reference until the reader exposes the list);
- caption readers give every caption in ``fields["captions"]`` (Flickr30k, NoCaps, VizWiz captions);
- short-answer and free-text readers whose raw label is a list of strings give it (DocVQA and
  InfographicVQA answers); a list label of a label or structured task (the objects in a VOC image,
  CLEVR's answers in order) is one answer, and the rendered target stands for it;
- multiple choice gives the correct option's label and text, as rendered (same seeded shuffle);
- every other reader gives one raw label (a class name, an answer, a caption), to which the rendered
  target is added when it differs (a sentence-shaped stage-1 target such as ``The pose is Camel.``).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from PIL import Image

from visionflan_core.errors import Problem, TaskError, VisionFlanError
from visionflan_core.export.sampling import selection_hash
from visionflan_core.export.selection import select
from visionflan_core.export.sources import known
from visionflan_core.export.spec import HoldOut, MixtureSpec, load_mixture
from visionflan_core.records import SourceRecord, resolve_image
from visionflan_core.registry import Registry
from visionflan_core.task import Task

HOLDOUT_PREFIX = "holdout:"
DEFAULT_TRAIN_MIXTURE = "vision-flan"

# ``metric:`` default per answer type; mirrors the scorer's ``default_metric`` (kept here so that
# generate runs without the scoring modules). short_answer is decided per task, see ``task_metric``.
_DEFAULT_METRIC = {
    "multiple_choice": "mc_accuracy",
    "label": "label_match",
    "free_text": "cider",
    "structured": "exact_match",
}


@dataclass(frozen=True, slots=True)
class EvalExample:
    """One prompt to answer, and what a correct answer looks like."""

    id: str
    task_id: str
    release_name: str | None
    category: str
    answer_type: str
    metric: str
    prompt: str
    images: tuple[Path, ...]
    references: tuple[str, ...]
    options: tuple[dict[str, str], ...] | None

    def row(self, prediction: str) -> dict[str, Any]:
        """The predictions-JSONL row for ``prediction``."""
        row: dict[str, Any] = {
            "id": self.id, "task_id": self.task_id, "release_name": self.release_name,
            "category": self.category, "answer_type": self.answer_type, "metric": self.metric,
            "prompt": self.prompt, "prediction": prediction, "references": list(self.references),
        }
        if self.options is not None:
            row["options"] = [dict(o) for o in self.options]
        return row


@dataclass
class TaskReport:
    """How a task's evaluation records were chosen and how many there are (``generate.json``)."""

    task_id: str
    rule: str
    read: int = 0
    in_training: int = 0
    evaluated: int = 0
    problems: int = 0
    over_limit: int = 0  # evaluation records past ``--limit``

    def to_json(self) -> dict[str, Any]:
        return {"task": self.task_id, "rule": self.rule, "read": self.read, "in_training": self.in_training,
                "over_limit": self.over_limit, "evaluated": self.evaluated, "problems": self.problems}


@dataclass
class Selection:
    """Tasks to evaluate and the mixture they must stay disjoint from."""

    task_ids: list[str]
    train_mixture: MixtureSpec
    train_mixture_source: str
    trained: set[str] = field(default_factory=set)  # tasks the training mixture selects


def resolve_tasks(registry: Registry, patterns: Sequence[str], train_mixture: str | None) -> Selection:
    """Task ids (sorted) for ``--tasks`` items: ids, release names, globs, ``holdout:MIXTURE``.

    The training mixture is ``train_mixture``, else the one a ``holdout:`` item names, else
    ``vision-flan``. Every item that matches no task is an error naming it.
    """
    holdouts = [p[len(HOLDOUT_PREFIX):] for p in patterns if p.startswith(HOLDOUT_PREFIX)]
    if len(set(holdouts)) > 1 and train_mixture is None:
        raise VisionFlanError(f"--tasks names several holdout mixtures ({', '.join(holdouts)}); "
                              "pass --train-mixture to say which one trained the model")
    mixture_name = train_mixture or (holdouts[0] if holdouts else DEFAULT_TRAIN_MIXTURE)
    spec, _ = load_mixture(mixture_name)
    if spec.source != "tasks":
        raise VisionFlanError(f"training mixture {mixture_name!r} reads {spec.source}, not the registered "
                              "tasks: pass the task mixture the model was trained on (--train-mixture)")
    universe = [known(entry) for entry in registry]
    chosen: set[str] = set()
    errors = []
    for pattern in patterns:
        if pattern.startswith(HOLDOUT_PREFIX):
            held = held_out(registry, load_mixture(pattern[len(HOLDOUT_PREFIX):])[0])
            if not held:
                errors.append(f"{pattern}: the mixture holds out no task")
            chosen.update(held)
            continue
        matched = {t.id for t in universe if fnmatch.fnmatchcase(t.id, pattern)
                   or fnmatch.fnmatchcase(t.release_name or "", pattern)}
        if not matched:
            try:
                registry.get(pattern)  # the registry's own "did you mean"
            except VisionFlanError as error:
                errors.append(str(error))
            else:
                matched = {registry.get(pattern).id}
        chosen.update(matched)
    if errors:
        raise VisionFlanError("--tasks: " + "; ".join(errors))
    trained = set(select(universe, spec, []))
    return Selection(sorted(chosen), spec, mixture_name, trained)


def held_out(registry: Registry, spec: MixtureSpec) -> list[str]:
    """Tasks ``spec``'s ``select`` reaches but its ``holdout`` removes (sorted ids)."""
    universe = [known(entry) for entry in registry]
    reached = select(universe, spec.model_copy(update={"holdout": HoldOut()}), [])
    kept = set(select(universe, spec, []))
    return [task for task in reached if task not in kept]


def task_metric(task: Task) -> str:
    """``metric:`` of the task, else the default for its answer type.

    Short answers are VQA accuracy where the reader gives several human ``answers`` (VQA's ten),
    exact match otherwise.
    """
    spec = task.spec
    if spec.metric is not None:
        return spec.metric
    if spec.answer_type == "short_answer":
        return "vqa_accuracy" if "answers" in spec.source.fields else "exact_match"
    return _DEFAULT_METRIC[spec.answer_type]


def with_split(task: Task, split: str) -> Task | None:
    """The task reading its official ``split``, or ``None`` if its reader has no split option.

    ``split`` replaces the last part of the reader's ``split`` option (``mocheg/train`` becomes
    ``mocheg/val``) or is the one item of its ``splits`` list.
    """
    options = dict(task.spec.source.options)
    if isinstance(options.get("split"), str):
        folder, _, trained = options["split"].rpartition("/")  # MOCHEG: "mocheg/train"
        if trained == split:
            return None  # that is the split training reads
        options["split"] = f"{folder}/{split}" if folder else split
    elif isinstance(options.get("splits"), list):
        if split in options["splits"]:
            return None
        options["splits"] = [split]
    else:
        return None
    source = task.spec.source.model_copy(update={"options": options})
    return Task(task.spec.model_copy(update={"source": source}), task.folder, task.dataset_folder)


def evaluation_records(
    task: Task, selection: Selection, data_root: Path | None, split: str | None, problems: list[Problem]
) -> tuple[list[SourceRecord], TaskReport]:
    """The task's evaluation records in a fixed order (selection hash, then id), and how they were chosen."""
    spec = selection.train_mixture
    official = with_split(task, split) if split else None
    reader = official or task
    if official is not None:
        rule = f"official split {split!r}"
    elif task.id not in selection.trained:
        rule = f"not in training mixture {spec.name!r}: every record"
    else:
        rule = (f"records outside training mixture {spec.name!r}'s {spec.cap} smallest selection hashes "
                f"(seed {spec.seed})")
    report = TaskReport(task.id, rule)
    first = len(problems)
    try:
        records = list(reader.read(reader.dataset_root(data_root), problems))
    except TaskError as error:
        problems.append(error.problem)
        records = []
    report.read = len(records)
    ranked = sorted(((selection_hash(spec.seed, task.id, task.spec.example_key(r.id)), r.id, r)
                     for r in records), key=lambda item: item[:2])
    if official is None and task.id in selection.trained:
        report.in_training = min(spec.cap, len(ranked))
        ranked = ranked[spec.cap:]
    report.problems = len(problems) - first
    return [r for _, _, r in ranked], report


def render(task: Task, record: SourceRecord, root: Path, seed: int, metric: str) -> EvalExample:
    """The prompt the model sees for ``record`` and the answers that count as right."""
    example = task.render(record, seed)
    chosen = task.options(record, seed)
    if chosen is not None:
        answer = chosen["answer"]
        references: list[str] = [answer["label"], answer["text"]]
        options: tuple[dict[str, str], ...] | None = tuple(
            {"label": o["label"], "text": o["text"]} for o in chosen["options"])
    else:
        references, options = reference_answers(record, example.target, task.spec.answer_type), None
    images = tuple(resolve_image(task.id, root, ref) for ref in example.images)
    for ref, path in zip(example.images, images, strict=True):
        try:
            with Image.open(path):
                pass
        except OSError as error:
            raise TaskError(Problem(task_id=task.id, message=f"image {ref!r} does not open: {error}",
                                    record_id=record.id, field="image")) from error
    spec = task.spec
    return EvalExample(example.id, spec.id, spec.release_name, spec.category, spec.answer_type, metric,
                       example.prompt, images, tuple(references), options)


def reference_answers(record: SourceRecord, target: str, answer_type: str) -> list[str]:
    """Every acceptable answer the record holds (see the module docstring), in the record's order.

    A list label is a list of alternatives only for short answers and free text (DocVQA's answers,
    captions); for labels and structured answers it is one answer (objects present, answers in
    order), so the rendered target stands for it.
    """
    for name in ("answers", "captions"):
        value = record.fields.get(name)
        if _strings(value):
            return [str(v) for v in value]
    if _strings(record.label) and answer_type in ("short_answer", "free_text"):
        return [str(v) for v in record.label]
    if isinstance(record.label, str | int | float) and not isinstance(record.label, bool):
        label = str(record.label).strip()
        return [label] if target.strip() == label or not target.strip() else [label, target.strip()]
    return [target.strip()]


def _strings(value: Any) -> TypeGuard[list[str] | tuple[str, ...]]:
    return isinstance(value, list | tuple) and bool(value) and all(isinstance(v, str) for v in value)


def plan(
    registry: Registry, selection: Selection, data_root: Path | None, split: str | None, limit: int | None
) -> tuple[list[EvalExample], list[TaskReport], list[Problem]]:
    """Every example to evaluate, in output order (task id, then selection hash), plus the reports."""
    examples: list[EvalExample] = []
    reports: list[TaskReport] = []
    problems: list[Problem] = []
    seed = selection.train_mixture.seed
    for task_id in selection.task_ids:
        task = registry.load(task_id)
        metric = task_metric(task)
        records, report = evaluation_records(task, selection, data_root, split, problems)
        root = (with_split(task, split) or task if split else task).dataset_root(data_root)
        if limit is not None:
            report.over_limit = max(0, len(records) - limit)
            records = records[:limit]
        for record in records:
            try:
                examples.append(render(task, record, root, seed, metric))
                report.evaluated += 1
            except TaskError as error:
                problems.append(error.problem)
                report.problems += 1
        reports.append(report)
    return examples, reports, problems

