"""Gallery pages of an export's output folder: the records its ``jsonl`` or ``llava`` shards hold.

``jsonl`` shards are preferred (they carry category and provenance); ``llava`` shards are read
otherwise. Shards are read in name order, so the first ``count`` records of each task are always
the same ones; every record is counted. Image paths are relative to the export folder and may not
leave it (symbolic links are not followed out of it). A record that is not valid by the shard rule
(:mod:`visionflan_shards`) is a problem naming file, line or position, and the rest go on. A task
the registry knows gets its metadata, template and dataset notes from there.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from visionflan_shards import COMPLETED, record_problem

from ..errors import Problem, UnknownTaskError
from ._images import ImageProblem, ImageStore, locate
from ._model import ExampleView, ImageView, TaskView
from ._names import page_key
from .errors import GalleryError

FORMATS = ("jsonl", "llava")


@dataclass
class _Task:
    """What the shards hold for one task name."""

    name: str
    task_id: str | None = None
    category: str | None = None
    records: int = 0
    firsts: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (shard file, record)


def shard_files(export_dir: Path) -> tuple[str, list[Path]]:
    """The format read and its shard files in name order; an error if there are none."""
    for name in FORMATS:
        folder = export_dir / name
        files = sorted(folder.glob("*.jsonl" if name == "jsonl" else "*.json")) if folder.is_dir() else []
        if files:
            return name, files
    raise GalleryError(f"{export_dir} holds no llava or jsonl shards (llava/*.json, jsonl/*.jsonl): "
                       "export with --format llava or jsonl to look at it")


def _records(file: Path, export_dir: Path, problems: list[Problem]) -> Iterator[tuple[str, Any]]:
    """``(position, raw record)`` of one shard, streamed for JSON lines."""
    relative = file.relative_to(export_dir).as_posix()
    try:
        if file.suffix == ".jsonl":
            with file.open(encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    try:
                        yield f"line {number}", json.loads(line)
                    except json.JSONDecodeError as error:
                        problems.append(Problem(task_id="-", file=relative, record_id=f"line {number}",
                                                message=f"not JSON: {error.msg}"))
            return
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        problems.append(Problem(task_id="-", file=relative, message=f"shard unreadable: {reason}"))
        return
    if not isinstance(data, list):
        problems.append(Problem(task_id="-", file=relative, message="shard is not a JSON list"))
        return
    for index, raw in enumerate(data):
        yield f"item {index}", raw


def _as_llava(raw: dict[str, Any]) -> dict[str, Any]:
    """A ``jsonl`` line in the LLaVA shape the shard rule checks (``images`` -> ``image``)."""
    images = raw.get("images")
    shaped = {key: value for key, value in raw.items() if key != "images"}
    if isinstance(images, list) and images:
        shaped["image"] = images[0] if len(images) == 1 else images
    return shaped


def scan_export(export_dir: Path, count: int, problems: list[Problem]) -> tuple[str, dict[str, _Task]]:
    """Every task name the shards hold, with its record count and first ``count`` records."""
    kind, files = shard_files(export_dir)
    tasks: dict[str, _Task] = {}
    for file in files:
        relative = file.relative_to(export_dir).as_posix()
        for position, raw in _records(file, export_dir, problems):
            record = _as_llava(raw) if kind == "jsonl" and isinstance(raw, dict) else raw
            why = record_problem(record)
            name = raw.get("task_name") if isinstance(raw, dict) else None
            if why is None and not (isinstance(name, str) and name):
                why = "bad task_name: missing or not a string"
            if why is not None or not isinstance(name, str):
                problems.append(Problem(task_id=name if isinstance(name, str) and name else "-",
                                        file=relative, record_id=_record_id(raw, position),
                                        message=why or "bad task_name"))
                continue
            task = tasks.setdefault(name, _Task(name))
            task.records += 1
            if task.task_id is None and isinstance(raw.get("task_id"), str):
                task.task_id = raw["task_id"]
            if task.category is None and isinstance(raw.get("category"), str):
                task.category = raw["category"]
            if len(task.firsts) < count:
                task.firsts.append((relative, record))
    return kind, tasks


def _record_id(raw: Any, position: str) -> str:
    rid = raw.get("id") if isinstance(raw, dict) else None
    return rid if isinstance(rid, str) and rid else position


def export_views(export_dir: Path, tasks: dict[str, _Task], selected: list[str], registry: Any,
                 store: ImageStore, info: dict[str, Any]) -> list[TaskView]:
    """The pages of ``selected`` task names, with registry metadata where the task is known."""
    from ._from_registry import registry_task_view

    planned = {task.get("release_name") or task.get("id"): task for task in info.get("tasks", [])
               if isinstance(task, dict)}
    views = []
    for name in selected:
        task = tasks[name]
        entry = _known(registry, task.task_id or name)
        if entry is not None:
            view = registry_task_view(entry)
            view.name = name
            view.metadata.append(("templates of this export", _template_match(registry, entry.id, task)))
        else:
            view = TaskView(key=name, name=name, task_id=task.task_id or name, category="", group="-",
                            answer_type="-", dataset=None, records=None)
            view.metadata = [("task name", name), ("task id", task.task_id or "-"),
                             ("registered", "no: no installed task plugin has this name")]
        view.key = page_key(name)
        planned_category = (planned.get(name) or {}).get("category")
        view.category = task.category or planned_category or view.category or "Unregistered"
        view.records = task.records
        view.notes = [note for note in view.notes if note[0] != "data folder"]
        for shard, record in task.firsts:
            view.examples.append(_example(export_dir, shard, record, store, view.problems, name))
        views.append(view)
    return views


def _template_match(registry: Any, task_id: str, task: _Task) -> str:
    """Whether the shown examples were rendered with the installed templates (jsonl provenance)."""
    used = sorted({(str(p.get("template_id")), str(p.get("template_hash"))) for _, record in task.firsts
                   if isinstance(p := record.get("provenance"), dict)})
    if not used:
        return "unknown (llava shards carry no provenance)"
    try:
        installed = {key: template.sha256 for key, template in registry.load(task_id).templates.items()}
    except Exception as error:  # a plugin's own code: say so and go on
        return f"unknown: the installed task does not load ({type(error).__name__})"
    differ = [f"{key} {digest[:12]} (installed: {installed[key][:12] if key in installed else 'none'})"
              for key, digest in used if installed.get(key) != digest]
    if differ:
        return "differ from the installed ones shown here: " + ", ".join(differ)
    return "the installed ones shown here"


def _known(registry: Any, name: str) -> Any:
    if registry is None:
        return None
    try:
        return registry.get(name)
    except UnknownTaskError:
        return None


def _example(export_dir: Path, shard: str, record: dict[str, Any], store: ImageStore,
             problems: list[Problem], name: str) -> ExampleView:
    image = record.get("image")
    references = [] if image is None else [image] if isinstance(image, str) else list(image)
    shown: list[ImageView] = []
    missing: list[str] = []
    for reference in references:
        try:
            shown.append(store.add(locate(export_dir, reference, follow_symlinks=False), reference))
        except ImageProblem as problem:
            missing.append(reference)
            problems.append(Problem(task_id=name, file=shard, record_id=str(record.get("id")),
                                    field="image", message=f"{reference}: {problem.reason}"))
    provenance: list[tuple[str, str]] = [("example id", str(record.get("id"))), ("shard", shard)]
    source = record.get("provenance")
    if isinstance(source, dict):
        provenance += [(str(key).replace("_", " "), str(value)) for key, value in source.items()]
    return ExampleView(
        id=str(record.get("id")),
        turns=tuple((str(turn.get("from")), str(turn.get("value"))) for turn in record["conversations"]),
        images=tuple(shown), missing_images=tuple(missing), provenance=tuple(provenance),
    )


def export_notes(export_dir: Path, kind: str, info: dict[str, Any]) -> list[str]:
    """What the index says about the export: its mixture, the shards read, whether it is whole."""
    notes = [f"Read from the {kind} shards of an export"
             + (f" of mixture {info['name']!r}" if isinstance(info.get("name"), str) else "") + "."]
    if not (export_dir / COMPLETED).is_file():
        notes.append(f"This export is unfinished: it has no {COMPLETED} marker.")
    return notes


def read_info(export_dir: Path) -> dict[str, Any]:
    """The export's ``info.json``, or an empty dict where there is none (or it is not JSON)."""
    try:
        info = json.loads((export_dir / "info.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return info if isinstance(info, dict) else {}
