"""LLaVA-format JSON lists as sources: the released Vision-Flan annotations and LLaVA-Instruct."""

from __future__ import annotations

import hashlib
import json
from abc import abstractmethod
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, VisionFlanError
from ..example import Example, Provenance, Turn
from ..registry import Registry
from .errors import ExportError
from .fsutil import sha256_file
from .selection import Known, select
from .sources import Candidate, ImageRef, Materialised, ScanLog, Source, TaskInfo, task_info
from .spec import MixtureSpec

LLAVA_TASK_ID = "llava_instruct"
LLAVA_CATEGORY = "LLaVA-Instruct (GPT-4 conversations)"
UNREGISTERED_CATEGORY = "Unregistered"


@dataclass
class _JsonListSource(Source):
    """A LLaVA-format JSON list (``id``, ``image``, ``conversations``), streamed record by record.

    The file is never loaded whole (the full release is close to 1 GB): :func:`stream_records`
    parses one record at a time, so memory does not grow with the file.
    """

    json_file: Path
    image_root: Path
    seed: int
    kind: str = "json"
    multi_task_units: bool = True
    _sha256: str = field(default="", init=False)

    def __post_init__(self) -> None:
        if not self.json_file.is_file():
            raise VisionFlanError(f"{self.json_file} does not exist")
        if not self.image_root.is_dir():
            raise VisionFlanError(f"image folder {self.image_root} does not exist")
        self._sha256 = sha256_file(self.json_file)

    def units(self) -> list[str]:
        return [self.json_file.name]

    @abstractmethod
    def _task_of(self, raw: dict[str, Any], log: ScanLog) -> str | None:
        """The task a record belongs to, or ``None`` when the mixture leaves it out."""

    @abstractmethod
    def _info(self, task_id: str) -> TaskInfo:
        """Metadata of one of this source's tasks."""

    def scan(self, unit: str, log: ScanLog) -> Iterator[Candidate]:
        for index, raw in enumerate(stream_records(self.json_file)):
            why = _shape_problem(raw)
            if why is not None:
                record_id = raw.get("id") if isinstance(raw, dict) else None
                log.problems.append(Problem(task_id=self.kind, file=self.json_file.name,
                                            record_id=str(record_id or f"#{index}"), message=why))
                continue
            task_id = self._task_of(raw, log)
            if task_id is not None:
                yield Candidate(task_id, _content_key(raw), raw)

    def materialise(self, candidate: Candidate) -> Materialised:
        raw = candidate.payload
        info = self._info(candidate.task_id)
        refs = _image_list(raw.get("image"))
        example = Example(
            id=str(raw["id"]),
            task_id=candidate.task_id,
            release_name=raw.get("task_name") or info.release_name,
            images=refs,
            conversations=[Turn.model_validate(turn) for turn in raw["conversations"]],
            raw_label=None,
            provenance=Provenance(task_version=info.version, template_id=self.kind,
                                  template_hash=self._sha256, source_record_id=str(raw["id"]),
                                  seed=self.seed),
        )
        return Materialised(example, [ImageRef(self.image_root, r, self.kind) for r in refs])

    def describe(self) -> dict[str, Any]:
        return {"kind": self.kind, "file": self.json_file.name, "sha256": self._sha256}


def stream_records(path: Path) -> Iterator[Any]:
    """The items of the JSON list in ``path``, parsed one at a time (numbers as int or float).

    Raises :class:`ExportError` (one line, the file's name) if the file is not a JSON list.
    """
    import ijson

    try:
        with path.open("rb") as handle:
            head = handle.read(4096).lstrip()
            if not head.startswith(b"["):
                raise ExportError(f"{path.name}: expected a JSON list of records")
            handle.seek(0)
            yield from ijson.items(handle, "item", use_float=True)
    except ijson.JSONError as error:
        raise ExportError(f"{path.name}: not valid JSON ({' '.join(str(error).split())})") from None
    except OSError as error:
        raise ExportError(f"{path.name}: cannot read: {error.strerror}") from None


def _release_names(path: Path) -> Counter[str]:
    """How many records carry each ``task_name`` (one streaming pass; other fields skipped)."""
    import ijson

    names: Counter[str] = Counter()
    try:
        with path.open("rb") as handle:
            for name in ijson.items(handle, "item.task_name"):
                if isinstance(name, str):
                    names[name] += 1
    except ijson.JSONError as error:
        raise ExportError(f"{path.name}: not valid JSON ({' '.join(str(error).split())})") from None
    return names


@dataclass
class ReleaseSource(_JsonListSource):
    """The released Vision-Flan annotation JSON, re-mixed by the same selection rules as tasks.

    Its tasks are the ``task_name`` s in the file. A name a registered task carries maps to that
    task (its id, category, dataset and licence). A name no registered task carries is exported
    under the name itself, with category :data:`UNREGISTERED_CATEGORY`: the release is
    self-contained text, so nothing is lost, and ``info.json`` (``source.unregistered_tasks``), the
    summary and the card say how many records that was (hold them out with
    ``holdout: {categories: [Unregistered]}``). Records without a usable ``task_name`` are
    problems, listed by id in ``problems.jsonl``.
    """

    registry: Registry | None = None
    spec: MixtureSpec | None = None
    kind: str = "release"
    _by_release: dict[str, TaskInfo] = field(default_factory=dict, repr=False)
    _by_id: dict[str, TaskInfo] = field(default_factory=dict, repr=False)
    _unregistered: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        super().__post_init__()
        assert self.registry is not None and self.spec is not None
        names = _release_names(self.json_file)
        registered = {e.release_name: e for e in self.registry if e.release_name}
        universe: dict[str, TaskInfo] = {}
        for name in sorted(names):
            entry = registered.get(name)
            universe[name] = (task_info(entry) if entry is not None
                              else TaskInfo(name, name, UNREGISTERED_CATEGORY, None, "release"))
        known = [Known(t.id, t.release_name, t.category, t.dataset) for t in universe.values()]
        try:
            chosen = set(select(known, self.spec))
        except ExportError as error:
            raise ExportError(f"{error} (among the {len(universe)} task names of "
                              f"{self.json_file.name})") from None
        self._by_release = {name: info for name, info in universe.items() if info.id in chosen}
        self._by_id = {info.id: info for info in self._by_release.values()}
        self._unregistered = {name: names[name] for name in self._by_release if name not in registered}

    def tasks(self) -> list[TaskInfo]:
        return sorted(self._by_release.values(), key=lambda t: t.id)

    def _task_of(self, raw: dict[str, Any], log: ScanLog) -> str | None:
        name = raw.get("task_name")
        if not isinstance(name, str) or not name:
            log.problems.append(Problem(task_id=self.kind, file=self.json_file.name,
                                        record_id=str(raw["id"]), field="task_name",
                                        message="record has no task_name"))
            return None
        info = self._by_release.get(name)
        return info.id if info is not None else None

    def _info(self, task_id: str) -> TaskInfo:
        return self._by_id[task_id]

    def datasets(self) -> dict[str, Any]:
        assert self.registry is not None
        return self.registry.datasets()

    def describe(self) -> dict[str, Any]:
        return {**super().describe(), "unregistered_tasks": dict(sorted(self._unregistered.items()))}


@dataclass
class LlavaInstructSource(_JsonListSource):
    """LLaVA-Instruct conversations (stage 2): one pseudo-task, images below ``image_root``."""

    kind: str = "llava-instruct"

    def tasks(self) -> list[TaskInfo]:
        return [self._info(LLAVA_TASK_ID)]

    def _task_of(self, raw: dict[str, Any], log: ScanLog) -> str | None:
        return LLAVA_TASK_ID

    def _info(self, task_id: str) -> TaskInfo:
        return TaskInfo(LLAVA_TASK_ID, None, LLAVA_CATEGORY, None, "1.0.0")


def _content_key(raw: dict[str, Any]) -> str:
    """Released ids repeat within a task, so the key also covers the image and the conversation."""
    body = json.dumps([raw.get("image"), raw["conversations"]], sort_keys=True, ensure_ascii=False)
    return f"{raw['id']}#{hashlib.blake2b(body.encode(), digest_size=8).hexdigest()}"


def _image_list(image: Any) -> list[str]:
    if image is None:
        return []
    return [image] if isinstance(image, str) else list(image)


def _shape_problem(raw: Any) -> str | None:
    """Why a JSON record is not a usable LLaVA-format record, or ``None``."""
    if not isinstance(raw, dict) or "id" not in raw:
        return "record is not an object with an id"
    turns = raw.get("conversations")
    if not isinstance(turns, list) or len(turns) < 2:
        return "conversations missing or shorter than two turns"
    for index, turn in enumerate(turns):
        expected = "human" if index % 2 == 0 else "gpt"
        if not isinstance(turn, dict) or turn.get("from") != expected or not isinstance(
            turn.get("value"), str
        ):
            return f"turn {index} is not a {expected!r} turn with a string value"
    image = raw.get("image")
    if image is not None and not (
        isinstance(image, str) or (isinstance(image, list) and all(isinstance(i, str) for i in image))
    ):
        return "image is not a path or a list of paths"
    return None
