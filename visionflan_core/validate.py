"""``vf-tasks validate``: static checks, fixture rendering, golden snapshots and data checks."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import Problem, TaskError
from .images import check_image
from .records import resolve_image
from .registry import Registry, TaskEntry

MIN_FIXTURE_RECORDS = 3
MAX_FIXTURE_RECORDS = 10
_RENDER_VARIABLES = frozenset({"label"})
_CHOICE_VARIABLES = frozenset({"options", "answer"})


def validate_registry(registry: Registry) -> list[Problem]:
    """Problems with plugins that could not be loaded at all."""
    return [
        Problem(task_id=b.name, message=f"broken plugin ({b.origin}): {b.reason}")
        for b in registry.broken
    ]


def validate_task(
    registry: Registry, entry: TaskEntry, *, update_snapshot: bool = False
) -> list[Problem]:
    """Every check for one task; an empty list means it passes."""
    try:
        task = registry.load(entry.id)
        problems = _static(task)
        if problems:
            return problems
        return _fixture(task, update_snapshot)
    except TaskError as error:
        return [error.problem]
    except Exception as error:  # a plugin's own code raising anything: this task's problem only
        message = " ".join(str(error).split())
        return [Problem(task_id=entry.id, message=f"check failed: {type(error).__name__}: {message}")]


def _static(task: Any) -> list[Problem]:
    spec = task.spec
    problems: list[Problem] = []
    allowed = set(spec.source.fields) | _RENDER_VARIABLES
    if spec.choices is not None:
        allowed |= _CHOICE_VARIABLES
    for template_id, compiled in task.templates.items():
        for name in sorted(compiled.variables - allowed):
            problems.append(Problem(
                task_id=task.id,
                file=spec.templates[template_id],
                field=name,
                message="template uses a variable the reader does not declare in source.fields",
            ))
    _ = task.reader, task.formatter  # import/build errors surface as TaskError
    if not task.fixture_root.is_dir():
        problems.append(Problem(task_id=task.id, file=spec.fixture.path, message="fixture folder missing"))
    return problems


def _fixture(task: Any, update_snapshot: bool) -> list[Problem]:
    spec = task.spec
    problems: list[Problem] = []
    root = task.fixture_root
    records = list(task.read(root, problems))
    if not MIN_FIXTURE_RECORDS <= len(records) <= MAX_FIXTURE_RECORDS:
        problems.append(Problem(
            task_id=task.id, file=spec.fixture.path,
            message=f"fixture yields {len(records)} records; expected "
            f"{MIN_FIXTURE_RECORDS}-{MAX_FIXTURE_RECORDS}",
        ))
    examples = []
    seen: dict[str, str] = {}
    for record in records:
        problems.extend(_record_checks(task, record, root))
        try:
            example = task.render(record, spec.fixture.seed)
        except TaskError as error:
            problems.append(error.problem)
            continue
        if example.id in seen:
            problems.append(Problem(task_id=task.id, record_id=record.id, field="id",
                                    message=f"duplicate example id {example.id!r}"))
        seen[example.id] = record.id
        for turn, name in ((example.prompt, "prompt"), (example.target, "target")):
            if not turn.replace("<image>", "").strip():
                problems.append(Problem(task_id=task.id, record_id=record.id, field=name,
                                        message=f"empty {name}"))
        examples.append(example.to_json())
    problems.extend(_snapshot(task, examples, update_snapshot and not problems))
    return problems


def _record_checks(task: Any, record: Any, root: Path) -> Iterable[Problem]:
    expected = task.spec.images_per_instance
    if len(record.images) != expected:
        yield Problem(task_id=task.id, record_id=record.id, field="images",
                      message=f"{len(record.images)} images; task declares {expected}")
    for image in record.images:
        reason = check_image(resolve_image(task.id, root, image))
        if reason:
            yield Problem(task_id=task.id, file=image, record_id=record.id, field="images",
                          message=reason)


def snapshot_text(examples: list[dict[str, Any]]) -> str:
    """The golden snapshot's exact text."""
    return json.dumps(examples, indent=1, ensure_ascii=False) + "\n"


def _snapshot(task: Any, examples: list[dict[str, Any]], update: bool) -> list[Problem]:
    path = task.folder / task.spec.fixture.snapshot
    text = snapshot_text(examples)
    if update:
        path.write_text(text, encoding="utf-8")
        return []
    if not path.is_file():
        return [Problem(task_id=task.id, file=task.spec.fixture.snapshot,
                        message="no snapshot; run `vf-tasks validate --update-snapshots`")]
    try:
        golden = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        return [Problem(task_id=task.id, file=task.spec.fixture.snapshot,
                        message=f"snapshot is not JSON: {error}")]
    if golden == examples:
        return []
    return [_first_difference(task, golden, examples)]


def _first_difference(task: Any, golden: list[Any], rendered: list[Any]) -> Problem:
    name = task.spec.fixture.snapshot
    if len(golden) != len(rendered):
        return Problem(task_id=task.id, file=name,
                       message=f"snapshot has {len(golden)} examples; rendering gives {len(rendered)}")
    for old, new in zip(golden, rendered, strict=True):
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                return Problem(
                    task_id=task.id, file=name, record_id=new.get("id"), field=key,
                    message=f"differs from snapshot: expected {old.get(key)!r}, got {new.get(key)!r}",
                )
    return Problem(task_id=task.id, file=name, message="differs from snapshot")
