"""LLaVA-format JSON lists as sources: the released Vision-Flan annotations and LLaVA-Instruct."""

from __future__ import annotations

import hashlib
import json
from abc import abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, VisionFlanError
from ..example import Example, Provenance, Turn
from ..registry import Registry, TaskEntry
from .fsutil import sha256_file
from .sources import Candidate, ImageRef, Materialised, ScanLog, Source, TaskInfo, selected_entries, task_info
from .spec import MixtureSpec

LLAVA_TASK_ID = "llava_instruct"
LLAVA_CATEGORY = "LLaVA-Instruct (GPT-4 conversations)"


@dataclass
class _JsonListSource(Source):
    """A LLaVA-format JSON list (``id``, ``image``, ``conversations``) read in one pass."""

    json_file: Path
    image_root: Path
    seed: int
    kind: str = "json"
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
        """The task a record belongs to, or ``None`` to leave it out (counted if unknown)."""

    @abstractmethod
    def _info(self, task_id: str) -> TaskInfo:
        """Metadata of one of this source's tasks."""

    def scan(self, unit: str, log: ScanLog) -> Iterator[Candidate]:
        try:
            items = json.loads(self.json_file.read_bytes())
        except (OSError, ValueError) as error:
            raise VisionFlanError(f"{self.json_file.name}: not valid JSON ({error})") from error
        if not isinstance(items, list):
            raise VisionFlanError(f"{self.json_file.name}: expected a JSON list of records")
        for index, raw in enumerate(items):
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


@dataclass
class ReleaseSource(_JsonListSource):
    """The released Vision-Flan annotation JSON, mapped onto registry tasks by release name.

    Records whose ``task_name`` no registered task carries are counted per name in the scan log
    and reported; records of registered tasks outside the mixture are left out.
    """

    registry: Registry | None = None
    spec: MixtureSpec | None = None
    kind: str = "release"
    _by_release: dict[str, TaskEntry] = field(default_factory=dict, repr=False)
    _known: set[str] = field(default_factory=set, repr=False)

    def __post_init__(self) -> None:
        super().__post_init__()
        assert self.registry is not None and self.spec is not None
        entries = selected_entries(self.registry, self.spec)
        self._by_release = {e.release_name: e for e in entries if e.release_name}
        self._known = {e.release_name for e in self.registry if e.release_name}

    def tasks(self) -> list[TaskInfo]:
        return sorted((task_info(e) for e in self._by_release.values()), key=lambda t: t.id)

    def _task_of(self, raw: dict[str, Any], log: ScanLog) -> str | None:
        name = raw.get("task_name")
        entry = self._by_release.get(name) if isinstance(name, str) else None
        if entry is not None:
            return entry.id
        if name not in self._known:
            log.unknown[str(name)] += 1
        return None

    def _info(self, task_id: str) -> TaskInfo:
        assert self.registry is not None
        return task_info(self.registry.get(task_id))

    def datasets(self) -> dict[str, Any]:
        assert self.registry is not None
        return self.registry.datasets()


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
