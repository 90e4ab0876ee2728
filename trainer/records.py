"""Load LLaVA-format JSON and validate every record up front, reporting what is dropped and why.

Bad records are dropped (with id + reason) instead of failing mid-run hours into training.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from .conversation import normalize_image_placement
from .tokenizer import IMAGE_TOKEN

ROLES = ("human", "gpt")


class DataError(ValueError):
    """The data argument cannot be used at all (missing folder, no JSON, no valid record)."""


@dataclass
class Record:
    id: str
    turns: list[tuple[str, str]]  # (role, text), roles alternate human/gpt
    images: list[Path]


@dataclass(frozen=True)
class Dropped:
    id: str
    reason: str


@dataclass
class DropReport:
    """Every dropped record with its reason, plus a per-reason summary for the log."""

    dropped: list[Dropped] = field(default_factory=list)

    def add(self, rid: str, reason: str) -> None:
        self.dropped.append(Dropped(rid, reason))

    def counts(self) -> Counter[str]:
        return Counter(d.reason.split(":")[0] for d in self.dropped)

    def summary(self, kept: int) -> str:
        parts = ", ".join(f"{n} {r}" for r, n in sorted(self.counts().items()))
        return f"kept {kept} records, dropped {len(self.dropped)}" + (f" ({parts})" if parts else "")


def find_json_files(data: Path) -> list[Path]:
    """``data`` is a JSON file, or a folder (its ``llava/`` subfolder if present) of ``*.json``."""
    if not data.exists():
        raise DataError(f"data path does not exist: {data}")
    if data.is_file():
        return [data]
    folder = data / "llava" if (data / "llava").is_dir() else data
    files = sorted(folder.glob("*.json"))
    if not files:
        raise DataError(f"no *.json files in {folder}")
    return files


def _image_problem(path: Path) -> str | None:
    if not path.is_file():
        return f"missing image: {path}"
    try:
        with Image.open(path) as im:  # header only; full decode happens in the workers
            if im.size[0] < 1 or im.size[1] < 1:
                return f"unreadable image: {path} (empty)"
    except Exception as e:
        return f"unreadable image: {path} ({type(e).__name__})"
    return None


def _parse(raw: Any, rid: str, base: Path, image_folder: Path | None, template: str) -> Record | str:
    if not isinstance(raw, dict):
        return "bad record: not an object"
    convs = raw.get("conversations")
    if not isinstance(convs, list) or not convs:
        return "bad conversations: missing or empty"
    turns: list[tuple[str, str]] = []
    for i, turn in enumerate(convs):
        if not isinstance(turn, dict) or not isinstance(turn.get("value"), str):
            return f"bad conversations: turn {i} has no string value"
        role = turn.get("from")
        if role != ROLES[i % 2]:
            return f"bad roles: turn {i} is {role!r}, expected {ROLES[i % 2]!r}"
        turns.append((role, turn["value"]))
    if turns[-1][0] != "gpt":
        return "bad roles: conversation does not end with a gpt turn"
    image = raw.get("image")
    names = [] if image is None else [image] if isinstance(image, str) else image
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        return "bad image field: expected a path or a list of paths"
    if any(IMAGE_TOKEN in t for r, t in turns if r == "gpt"):
        return f"bad placeholders: {IMAGE_TOKEN} in a gpt turn"
    n_placeholders = sum(t.count(IMAGE_TOKEN) for _, t in turns)
    if n_placeholders != len(names):
        return f"bad placeholders: {len(names)} image(s) but {n_placeholders} {IMAGE_TOKEN}"
    if template == "plain" and (len(turns) != 2 or len(names) != 1):
        return "bad for plain template: needs one image and exactly one human/gpt exchange"
    if len(names) == 1:  # LLaVA moves the single image to the start of its message
        turns = [(r, normalize_image_placement(t)) for r, t in turns]
    paths = []
    for name in names:
        candidates = [base / name] + ([image_folder / name] if image_folder else [])
        paths.append(next((p for p in candidates if p.is_file()), candidates[0]))
    return Record(rid, turns, paths)


def load_records(
    data: Path,
    template: str,
    image_folder: Path | None = None,
    check_images: bool = True,
    report: DropReport | None = None,
) -> tuple[list[Record], DropReport]:
    """Parse and validate every record of every JSON list under ``data``."""
    report = report if report is not None else DropReport()
    if image_folder is None and (Path(data) / "llava").is_dir():
        image_folder = Path(data)  # a `vf-tasks export` folder: image paths are relative to it
    records: list[Record] = []
    for file in find_json_files(Path(data)):
        try:
            items = json.loads(file.read_text())
        except (OSError, json.JSONDecodeError) as e:
            raise DataError(f"{file}: not valid JSON ({e})") from e
        if not isinstance(items, list):
            raise DataError(f"{file}: expected a JSON list of records")
        for i, raw in enumerate(items):
            rid = str(raw.get("id", f"{file.name}:{i}")) if isinstance(raw, dict) else f"{file.name}:{i}"
            parsed = _parse(raw, rid, file.parent, image_folder, template)
            if isinstance(parsed, str):
                report.add(rid, parsed)
            else:
                records.append(parsed)
    if check_images:
        records = _drop_bad_images(records, report)
    return records, report


def _drop_bad_images(records: Sequence[Record], report: DropReport) -> list[Record]:
    paths = sorted({p for r in records for p in r.images})
    with ThreadPoolExecutor(max_workers=8) as pool:
        problems = dict(zip(paths, pool.map(_image_problem, paths), strict=True))
    kept = []
    for r in records:
        bad = next((problems[p] for p in r.images if problems[p]), None)
        if bad:
            report.add(r.id, bad)
        else:
            kept.append(r)
    return kept
