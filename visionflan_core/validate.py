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
    for template_id, compiled in task.templates.items():
        for name in task.undeclared_variables(compiled):
            problems.append(Problem(
                task_id=task.id,
                file=spec.templates[template_id],
                field=name,
                message="template uses a variable no record provides: declare it in dataset.yaml "
                "`fields` (or the task's `fields` override)",
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
    if update and path.is_file():
        try:
            golden = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            golden = None
        if isinstance(golden, list) and golden != examples:
            bump = _differences(task, golden, examples)[0]
            if bump.field == "version" and bump.file == "task.yaml":
                return [bump]  # a new rendering needs a new version: never overwrite under the old one
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
    return _differences(task, golden, examples)


def _differences(task: Any, golden: list[Any], rendered: list[Any]) -> list[Problem]:
    """One problem per differing record, and whether the task's version must be bumped.

    A snapshot records the version it was made for: a change of rendering under the same version
    would give two different outputs one name, so it is an error that says to bump ``version``.
    """
    name = task.spec.fixture.snapshot
    version = task.spec.version
    made_for = {str(e.get("provenance", {}).get("task_version")) for e in golden if isinstance(e, dict)}
    if made_for == {version}:
        head = Problem(task_id=task.id, file="task.yaml", field="version",
                       message=f"rendering changed but version is still {version}: bump `version` "
                               "in task.yaml, then run `vf-tasks validate --update-snapshots`")
    else:
        head = Problem(task_id=task.id, file=name, field="version",
                       message=f"snapshot was made for version {', '.join(sorted(made_for))}; the task "
                               f"is {version}: review the differences below, then `--update-snapshots`")
    problems = [head]
    old_by_id = {e.get("id"): e for e in golden if isinstance(e, dict)}
    new_by_id = {e.get("id"): e for e in rendered}
    for example_id in [*old_by_id, *(i for i in new_by_id if i not in old_by_id)]:
        old, new = old_by_id.get(example_id), new_by_id.get(example_id)
        if old is None or new is None:
            where = "only in the snapshot" if new is None else "not in the snapshot"
            problems.append(Problem(task_id=task.id, file=name, record_id=str(example_id),
                                    message=f"example {where}"))
            continue
        for key in sorted(set(old) | set(new)):
            if (key != "provenance" and old.get(key) != new.get(key)) or (
                    key == "provenance" and _without_version(old[key]) != _without_version(new[key])):
                problems.append(Problem(
                    task_id=task.id, file=name, record_id=str(example_id), field=key,
                    message=f"differs from snapshot: expected {old.get(key)!r}, got {new.get(key)!r}",
                ))
    return problems


def _without_version(provenance: Any) -> Any:
    return {k: v for k, v in provenance.items() if k != "task_version"} if isinstance(provenance, dict) \
        else provenance
