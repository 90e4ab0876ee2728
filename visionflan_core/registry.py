"""Task discovery through pluggy and the ``visionflan.tasks`` entry-point group.

Discovery is sorted and deterministic. A plugin that fails to import, or a task whose metadata does
not validate, is reported as broken while every other task keeps working (``strict`` makes it fatal).
Two tasks with one id is always an error naming both origins. Listing imports no task code.
"""

from __future__ import annotations

import fnmatch
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Any, NamedTuple, cast

import pluggy

from ._metadata_cache import MetadataCache
from .errors import DuplicateTaskError, UnknownTaskError, VisionFlanError
from .hookspecs import ENTRY_POINT_GROUP, PROJECT, TaskHookSpecs
from .plugin import TASK_FILE, TaskFolder, TaskFolderSet


class TaskEntry(NamedTuple):
    """A discovered task: validated metadata as plain data, and where it came from."""

    id: str
    folder: Path
    origin: str
    info: dict[str, Any]
    dataset_files: tuple[Path, ...] = ()

    def load(self) -> Any:
        """The full :class:`~visionflan_core.task.Task` (imports pydantic and jinja, not the reader)."""
        from .catalog import source_datasets
        from .spec import TaskSpec
        from .task import Task

        context = {"datasets": source_datasets(self.dataset_files)}
        return Task(TaskSpec.model_validate(self.info, context=context), self.folder)


class BrokenPlugin(NamedTuple):
    """A plugin or task folder that could not be used, and why."""

    name: str
    origin: str
    reason: str
    folder: Path | None = None


class Registry:
    """Every discovered task by id, plus what was broken."""

    def __init__(
        self,
        entries: dict[str, TaskEntry],
        broken: list[BrokenPlugin] | None = None,
        dataset_files: tuple[Path, ...] = (),
    ) -> None:
        self.entries = entries
        self.broken = broken if broken is not None else []
        self.dataset_files = dataset_files
        self._loaded: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"Registry({len(self.entries)} tasks, {len(self.broken)} broken)"

    def datasets(self) -> dict[str, Any]:
        """Every source dataset: the core list plus the files plugins contribute."""
        from .catalog import source_datasets

        return source_datasets(self.dataset_files)

    def __iter__(self) -> Any:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self.entries

    def get(self, task_id: str) -> TaskEntry:
        """The entry for ``task_id`` (also accepts a release name), or a helpful error."""
        entry = self.entries.get(task_id)
        if entry is None:
            entry = next((e for e in self if e.info.get("release_name") == task_id), None)
        if entry is None:
            import difflib

            for broken in self.broken:
                if broken.name == task_id:
                    raise UnknownTaskError(f"task {task_id!r} is broken: {broken.reason}")
            close = difflib.get_close_matches(task_id, list(self.entries), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownTaskError(f"no task {task_id!r}{hint}")
        return entry

    def load(self, task_id: str) -> Any:
        """The loaded task, built once per registry."""
        entry = self.get(task_id)
        if entry.id not in self._loaded:
            self._loaded[entry.id] = entry.load()
        return self._loaded[entry.id]

    def select(
        self,
        *,
        category: str | None = None,
        dataset: str | None = None,
        glob: str | None = None,
    ) -> list[TaskEntry]:
        """Entries matching every given filter; ``glob`` matches the id or the release name."""
        chosen = []
        for entry in self:
            info = entry.info
            if category and info["category"].lower() != category.lower():
                continue
            if dataset and info["dataset"].lower() != dataset.lower():
                continue
            if glob and not (
                fnmatch.fnmatchcase(entry.id, glob)
                or fnmatch.fnmatchcase(info.get("release_name") or "", glob)
            ):
                continue
            chosen.append(entry)
        return chosen


def _origin(ep: EntryPoint, labels: dict[int, str]) -> str:
    """'<distribution> <version>: <name> = <value>', each distribution's label read once."""
    dist = ep.dist
    if dist is None:
        return f"<no distribution>: {ep.name} = {ep.value}"
    label = labels.get(id(dist))
    if label is None:
        label = labels[id(dist)] = _dist_label(dist)
    return f"{label}: {ep.name} = {ep.value}"


def _dist_label(dist: Any) -> str:
    """'name version' from the METADATA headers, without the email parser (a start-up cost)."""
    fields = {"Name": "?", "Version": "?"}
    text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or ""  # wheel, or egg-info
    for line in text.splitlines():
        if not line:
            break  # the body starts after the headers
        key, _, value = line.partition(": ")
        if key in fields and fields[key] == "?":
            fields[key] = value.strip()
    return f"{fields['Name']} {fields['Version']}"


def discover(
    *,
    strict: bool = False,
    group_entry_points: Iterable[EntryPoint] | None = None,
    use_cache: bool = True,
) -> Registry:
    """Find every task; ``group_entry_points`` replaces the installed ones (tests fake the world)."""
    labels: dict[int, str] = {}
    points: Sequence[EntryPoint] = sorted(
        entry_points(group=ENTRY_POINT_GROUP) if group_entry_points is None else group_entry_points,
        key=lambda ep: (ep.name, ep.value, _origin(ep, labels)),
    )
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(TaskHookSpecs)
    broken: list[BrokenPlugin] = []
    folder_sets: dict[str, TaskFolderSet] = {}
    for ep in points:
        origin = _origin(ep, labels)
        try:
            plugin = ep.load()
            if isinstance(plugin, TaskFolder):
                distribution = origin.partition(": ")[0]
                folder_sets.setdefault(distribution, TaskFolderSet()).add(plugin.folder, origin)
            else:
                manager.register(plugin, name=origin)
        except Exception as error:  # a broken plugin must not take down discovery
            broken.append(BrokenPlugin(ep.name, origin, f"plugin does not load: {error!r}"))
    for distribution, folder_set in folder_sets.items():
        manager.register(folder_set, name=f"{distribution}: task folders")

    dataset_files, datasets = _dataset_files(manager, broken)
    cache = MetadataCache(enabled=use_cache, extra_files=dataset_files)
    entries: dict[str, TaskEntry] = {}
    impls = sorted(manager.hook.visionflan_task_dirs.get_hookimpls(), key=lambda i: i.plugin_name)
    for impl in impls:
        try:
            folders = [Path(folder) for folder in cast(Iterable[Any], impl.function())]
        except Exception as error:
            broken.append(BrokenPlugin(impl.plugin_name, impl.plugin_name, f"hook failed: {error!r}"))
            continue
        for folder in sorted(folders):
            task_file = folder / TASK_FILE
            outcome = cache.get(task_file)
            if outcome is None:
                outcome = _validate(task_file, datasets)
                cache.put(task_file, outcome)
            origin = _folder_origin(impl.plugin, folder, impl.plugin_name)
            if "error" in outcome:
                broken.append(BrokenPlugin(folder.name, origin, outcome["error"], folder))
                continue
            info = outcome["spec"]
            entry = TaskEntry(info["id"], folder, origin, info, dataset_files)
            twin = entries.get(entry.id)
            if twin is not None:
                raise DuplicateTaskError(
                    f"task id {entry.id!r} is registered twice: by {twin.origin} ({twin.folder}) "
                    f"and by {entry.origin} ({entry.folder})"
                )
            entries[entry.id] = entry
    cache.save()
    if strict and broken:
        raise VisionFlanError(
            "broken task plugins:\n" + "\n".join(f"  {b.origin}: {b.reason}" for b in broken)
        )
    return Registry(entries=dict(sorted(entries.items())), broken=broken, dataset_files=dataset_files)


def _folder_origin(plugin: object, folder: Path, plugin_name: str) -> str:
    """The entry point that named ``folder``, where a folder set knows it."""
    if isinstance(plugin, TaskFolderSet):
        return plugin.origins.get(folder, plugin_name)
    return plugin_name


def _dataset_files(
    manager: pluggy.PluginManager, broken: list[BrokenPlugin]
) -> tuple[tuple[Path, ...], Callable[[], Mapping[str, Any]]]:
    """Plugins' extra dataset files (sorted, unique) and a lazy loader of the merged list.

    The list is parsed only when a task.yaml must be validated (a metadata-cache miss).
    """
    files: set[Path] = set()
    for impl in manager.hook.visionflan_dataset_files.get_hookimpls():
        try:
            files.update(Path(f) for f in cast(Iterable[Any], impl.function()))
        except Exception as error:
            broken.append(BrokenPlugin(impl.plugin_name, impl.plugin_name, f"hook failed: {error!r}"))
    ordered = tuple(sorted(files))

    def load() -> Mapping[str, Any]:
        from .catalog import source_datasets

        try:
            return source_datasets(ordered)
        except (OSError, ValueError) as error:
            broken.append(BrokenPlugin("source datasets", ", ".join(map(str, ordered)), str(error)))
            return source_datasets()

    return ordered, functools.cache(load)


def _validate(task_file: Path, datasets: Callable[[], Mapping[str, Any]]) -> dict[str, Any]:
    """``{"spec": <validated metadata>}`` or ``{"error": <one line per problem>}``."""
    import json

    from pydantic import ValidationError

    from ._yaml import load_yaml
    from .spec import TaskSpec

    try:
        raw = load_yaml(task_file)
        spec = TaskSpec.model_validate(raw, context={"datasets": datasets()})
    except OSError as error:
        return {"error": f"{task_file}: cannot read: {error.strerror}"}
    except ValidationError as error:
        lines = [
            f"{task_file}: field {'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}"
            for e in error.errors()
        ]
        return {"error": "; ".join(lines)}
    except Exception as error:  # YAML syntax errors and the like
        return {"error": f"{task_file}: {error}".replace("\n", " ")}
    if spec.id != task_file.parent.name:
        return {"error": f"{task_file}: field id: {spec.id!r} differs from folder name"}
    return {"spec": json.loads(spec.model_dump_json())}
