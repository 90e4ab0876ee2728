"""Task discovery through pluggy and the ``visionflan.tasks`` entry-point group.

Each distribution has one entry point whose plugin returns dataset folders; each dataset folder
holds a ``dataset.yaml`` and one folder per task. Discovery is sorted and deterministic. A plugin
that fails to import, a dataset or task whose metadata does not validate, is reported as broken while
every other task keeps working (``strict`` makes it fatal). Two definitions of one dataset id, task
id or release name are always an error naming both. Listing imports no task code and, on a warm
metadata cache, no YAML parser and no pydantic.
"""

from __future__ import annotations

import fnmatch
import marshal
import os
from collections.abc import Iterable, Iterator, Sequence
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import pluggy

from ._metadata_cache import MetadataCache, Outcome, Stamp, stamp
from .errors import DuplicateTaskError, UnknownTaskError, VisionFlanError
from .hookspecs import ENTRY_POINT_GROUP, PROJECT, TaskHookSpecs
from .plugin import DATASET_FILE, TASK_FILE

if TYPE_CHECKING:
    from .spec import Access, Redistribution, Training
    from .task import Task


class Terms(NamedTuple):
    """A dataset's licence terms (:class:`~visionflan_core.spec.LicenceTerms`, without pydantic)."""

    training: Training = "unknown"
    redistribution: Redistribution = "unknown"
    access: Access = "unknown"

    def describe(self) -> str:
        return f"training {self.training}, redistribution {self.redistribution}, access {self.access}"


class DatasetMetadata(NamedTuple):
    """A source dataset as listed: who made it, under which licence, where its data goes."""

    id: str
    name: str
    homepage: str | None
    license: str
    citation: str | None
    data_dir: str
    terms: Terms = Terms()

    @classmethod
    def from_spec(cls, data: dict[str, Any]) -> DatasetMetadata:
        return cls(data["id"], data["name"], data.get("homepage"), data["license"],
                   data.get("citation"), data.get("dir") or data["id"], Terms(**data.get("terms") or {}))

    def card_entry(self) -> dict[str, Any]:
        """What an export's dataset card credits."""
        return {"name": self.name, "homepage": self.homepage, "license": self.license,
                "citation": self.citation, "terms": self.terms._asdict()}


class TaskMetadata(NamedTuple):
    """A task's effective metadata as plain typed data (no pydantic needed to read it)."""

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
    contributors: tuple[str, ...]
    templates: tuple[tuple[str, str], ...]
    formatter: str
    reader: str
    data_dir: str
    layout: str
    download: str
    format_notes: str
    catalogue_notes: str
    splits: dict[str, Any] | None = None  # {"source": ..., "sizes": {name: {"size", "images"}}}

    @classmethod
    def from_spec(cls, data: dict[str, Any]) -> TaskMetadata:
        source = data["source"]
        return cls(
            data["id"], data["release_name"], data["paper_name"], data["description"],
            data["dataset"], data["category"], data["group"], data["answer_type"],
            data["images_per_instance"], data["version"], tuple(data["contributors"]),
            tuple(data["templates"].items()), data["formatter"]["name"], source["reader"],
            source["dir"], source["layout"], source["download"], source["format_notes"],
            data["catalogue_notes"], data.get("splits"),
        )


class DatasetEntry(NamedTuple):
    """A discovered dataset folder."""

    id: str
    folder: Path
    origin: str
    info: DatasetMetadata


class TaskEntry(NamedTuple):
    """A discovered task: what listing needs at hand, the rest decoded on demand.

    The effective spec is kept as marshal bytes, so listing 200 tasks decodes none of them.
    """

    id: str
    folder: Path
    origin: str
    release_name: str | None
    category: str
    dataset: DatasetEntry
    spec_blob: bytes

    @property
    def spec_data(self) -> dict[str, Any]:
        data: dict[str, Any] = marshal.loads(self.spec_blob)
        return data

    @property
    def info(self) -> TaskMetadata:
        """Every metadata field, typed."""
        return TaskMetadata.from_spec(self.spec_data)

    def load(self) -> Task:
        """The full :class:`~visionflan_core.task.Task` (imports pydantic and jinja, not the reader)."""
        from .spec import TaskSpec
        from .task import Task

        return Task(TaskSpec.model_validate(self.spec_data), self.folder, self.dataset.folder)


class BrokenPlugin(NamedTuple):
    """A plugin, dataset or task folder that could not be used, and why."""

    name: str
    origin: str
    reason: str
    folder: Path | None = None


class Registry:
    """Every discovered task by id, every dataset by id, plus what was broken."""

    def __init__(
        self,
        entries: dict[str, TaskEntry],
        broken: list[BrokenPlugin] | None = None,
        datasets: dict[str, DatasetEntry] | None = None,
    ) -> None:
        self.entries = entries
        self.broken = broken if broken is not None else []
        self.dataset_entries = datasets if datasets is not None else {}
        self._by_release = {e.release_name: e for e in entries.values() if e.release_name}
        self._loaded: dict[str, Task] = {}

    def __repr__(self) -> str:
        return f"Registry({len(self.entries)} tasks, {len(self.broken)} broken)"

    def datasets(self) -> dict[str, DatasetMetadata]:
        """Every source dataset by id."""
        return {key: entry.info for key, entry in self.dataset_entries.items()}

    def __iter__(self) -> Iterator[TaskEntry]:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self.entries

    def get(self, task_id: str) -> TaskEntry:
        """The entry for ``task_id`` (also accepts a release name), or a helpful error."""
        entry = self.entries.get(task_id) or self._by_release.get(task_id)
        if entry is None:
            import difflib

            for broken in self.broken:
                if broken.name == task_id:
                    raise UnknownTaskError(f"task {task_id!r} is broken: {broken.reason}")
            close = difflib.get_close_matches(task_id, [*self.entries, *self._by_release], n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownTaskError(f"no task {task_id!r}{hint}")
        return entry

    def load(self, task_id: str) -> Task:
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
            if category and entry.category.lower() != category.lower():
                continue
            if dataset and entry.dataset.id.lower() != dataset.lower():
                continue
            if glob and not (
                fnmatch.fnmatchcase(entry.id, glob)
                or fnmatch.fnmatchcase(entry.release_name or "", glob)
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
    for ep in points:
        origin = _origin(ep, labels)
        try:
            manager.register(ep.load(), name=origin)
        except Exception as error:  # a broken plugin must not take down discovery
            broken.append(BrokenPlugin(ep.name, origin, f"plugin does not load: {error!r}"))

    cache = MetadataCache(enabled=use_cache)
    datasets: dict[str, DatasetEntry] = {}
    entries: dict[str, TaskEntry] = {}
    releases: dict[str, TaskEntry] = {}
    impls = sorted(manager.hook.visionflan_dataset_dirs.get_hookimpls(), key=lambda i: i.plugin_name)
    for impl in impls:
        try:
            folders = sorted(Path(f) for f in cast(Iterable[Any], impl.function()))
        except Exception as error:
            broken.append(BrokenPlugin(impl.plugin_name, impl.plugin_name, f"hook failed: {error!r}"))
            continue
        for folder in folders:
            found = _dataset(folder, impl.plugin_name, cache, broken, datasets)
            if found is None:
                continue
            dataset, dataset_stamp = found
            for task_folder, task_stamp in _stamped_task_folders(folder):
                entry = _task(task_folder, [task_stamp, dataset_stamp], dataset, cache, broken)
                if entry is not None:
                    _add_task(entry, entries, releases)
    cache.save()
    if strict and broken:
        raise VisionFlanError(
            "broken task plugins:\n" + "\n".join(f"  {b.origin}: {b.reason}" for b in broken)
        )
    return Registry(entries=dict(sorted(entries.items())), broken=broken,
                    datasets=dict(sorted(datasets.items())))


def _dataset(
    folder: Path, origin: str, cache: MetadataCache, broken: list[BrokenPlugin],
    datasets: dict[str, DatasetEntry],
) -> tuple[DatasetEntry, Stamp] | None:
    """The validated dataset folder and its file's stamp, or ``None`` after reporting why it (and
    its tasks) are broken."""
    dataset_file = folder / DATASET_FILE
    try:
        (dataset_stamp,) = stamp([dataset_file])
    except OSError as error:
        broken.append(BrokenPlugin(folder.name, origin, f"{dataset_file}: cannot read: {error.strerror}",
                                   folder))
        return None
    outcome = _cached(cache, f"dataset:{dataset_file}", [dataset_stamp], lambda: _validate_dataset(folder))
    if "error" in outcome:
        broken.append(BrokenPlugin(folder.name, origin, outcome["error"], folder))
        return None
    info = DatasetMetadata.from_spec(outcome["value"])
    twin = datasets.get(info.id)
    if twin is not None:
        raise DuplicateTaskError(
            f"dataset {info.id!r} is defined twice: in {twin.folder / DATASET_FILE} ({twin.origin}) "
            f"and in {dataset_file} ({origin})"
        )
    entry = DatasetEntry(info.id, folder, origin, info)
    datasets[info.id] = entry
    return entry, dataset_stamp


def _stamped_task_folders(dataset_dir: Path) -> list[tuple[Path, Stamp]]:
    """The dataset's task folders (subfolders holding a ``task.yaml``) with that file's stamp.

    The stamp is the one ``stat`` that also tells a task folder from the fixture and the rest.
    """
    found = []
    with os.scandir(dataset_dir) as entries:
        for entry in entries:
            if entry.name.startswith((".", "_")) or not entry.is_dir():
                continue
            try:
                info = os.stat(os.path.join(entry.path, TASK_FILE))
            except OSError:
                continue
            found.append((Path(entry.path), [info.st_mtime_ns, info.st_ctime_ns, info.st_size]))
    return sorted(found)


def _task(
    folder: Path, stamps: list[Stamp], dataset: DatasetEntry, cache: MetadataCache,
    broken: list[BrokenPlugin],
) -> TaskEntry | None:
    task_file = folder / TASK_FILE
    outcome = _cached(cache, f"task:{task_file}", stamps, lambda: _validate_task(folder, dataset.folder))
    if "error" in outcome:
        named = outcome.get("id")
        name = named if isinstance(named, str) else folder.name
        broken.append(BrokenPlugin(name, dataset.origin, outcome["error"], folder))
        return None
    value = outcome["value"]
    return TaskEntry(value["id"], folder, dataset.origin, value["release_name"], value["category"],
                     dataset, value["spec"])


def _add_task(entry: TaskEntry, entries: dict[str, TaskEntry], releases: dict[str, TaskEntry]) -> None:
    """Register ``entry``; a second task with its id or release name is an error naming both."""
    twin = entries.get(entry.id)
    if twin is not None:
        raise DuplicateTaskError(
            f"task id {entry.id!r} is registered twice: by {twin.origin} ({twin.folder}) "
            f"and by {entry.origin} ({entry.folder})"
        )
    entries[entry.id] = entry
    release = entry.release_name
    if release:
        twin = releases.get(release)
        if twin is not None:
            raise DuplicateTaskError(
                f"release name {release!r} is claimed twice: by task {twin.id} ({twin.folder}) "
                f"and by task {entry.id} ({entry.folder})"
            )
        releases[release] = entry


def _cached(cache: MetadataCache, name: str, stamps: list[Stamp], build: Any) -> Outcome:
    """The cached outcome for files with ``stamps`` (taken before they are read), or a fresh one."""
    outcome = cache.get(name, stamps)
    if outcome is None:
        outcome = cast(Outcome, build())
        cache.put(name, stamps, outcome)
    return outcome


def _validate_dataset(folder: Path) -> Outcome:
    """``{"value": <validated dataset.yaml>}`` or ``{"error": <one line per problem>}``."""
    from .spec import DatasetSpec, placeholders

    dataset_file = folder / DATASET_FILE
    raw, error = _load(dataset_file)
    if error is not None:
        return {"error": error}
    found = placeholders(raw)
    if found:
        return {"error": f"{dataset_file}: placeholder text left in {', '.join(found)}"}
    spec, error = _model(DatasetSpec, raw, dataset_file)
    if spec is None:
        return {"error": error}
    if spec.id != folder.name:
        return {"error": f"{dataset_file}: field id: {spec.id!r} differs from the folder name"}
    return {"value": spec.model_dump(mode="json")}


def _validate_task(folder: Path, dataset_folder: Path) -> Outcome:
    """``{"value": <effective spec>}`` or ``{"error": ...}``: the task file over its dataset file."""
    from .spec import DatasetSpec, TaskFile, compose, inheritance_problems, placeholders

    task_file = folder / TASK_FILE
    dataset_raw, error = _load(dataset_folder / DATASET_FILE)
    if error is not None:
        return {"error": error}
    raw, error = _load(task_file)
    if error is not None:
        return {"error": error}
    named = {"id": raw["id"]} if isinstance(raw.get("id"), str) else {}  # broken, but findable
    found = placeholders(raw)
    if found:
        return {"error": f"{task_file}: placeholder text left in {', '.join(found)}", **named}
    dataset, error = _model(DatasetSpec, dataset_raw, dataset_folder / DATASET_FILE)
    task, task_error = _model(TaskFile, raw, task_file)
    if dataset is None or task is None:
        return {"error": error or task_error, **named}
    repeated = inheritance_problems(dataset, task)
    if repeated:
        return {"error": "; ".join(f"{task_file}: field {line}" for line in repeated), **named}
    spec = compose(dataset, task)
    return {"value": {"id": spec.id, "release_name": spec.release_name, "category": spec.category,
                      "spec": marshal.dumps(spec.model_dump(mode="json"))}}


def _load(path: Path) -> tuple[Any, str | None]:
    from ._yaml import load_yaml

    try:
        raw = load_yaml(path)
    except OSError as error:
        return None, f"{path}: cannot read: {error.strerror}"
    except Exception as error:  # YAML syntax errors: the message carries line and column
        text = str(error) if str(path) in str(error) else f"{path}: {error}"
        return None, text.replace("\n", " ")
    if not isinstance(raw, dict):
        return None, f"{path}: expected a mapping at the top level"
    return raw, None


def _model(model: Any, raw: dict[str, Any], path: Path) -> tuple[Any, str]:
    from pydantic import ValidationError

    try:
        return model.model_validate(raw), ""
    except ValidationError as error:
        lines = [
            f"{path}: field {'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}"
            for e in error.errors()
        ]
        return None, "; ".join(lines)
