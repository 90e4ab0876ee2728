"""Load LLaVA-format JSON and validate every record up front, reporting what is dropped and why.

Bad records are dropped (with id + reason) instead of failing mid-run hours into training. What a
valid record is comes from ``visionflan_shards``, the rule the exporter applies too.
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
from visionflan_shards import export_problem, image_names, record_problem

from .conversation import normalize_image_placement
from .errors import DataError

__all__ = ["DataError", "DropReport", "Record", "check_data", "find_json_files", "load_records"]


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
    try:
        with Image.open(path) as im:  # header only; full decode happens in the workers
            if im.size[0] < 1 or im.size[1] < 1:
                return f"unreadable image: {path} (empty)"
    except Exception as e:
        return f"unreadable image: {path} ({type(e).__name__})"
    return None


def printable(text: str) -> str:
    """``text`` safe to log and write (lone surrogates become ``\\udxxx`` escapes)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _parse(raw: Any, rid: str, base: Path, image_folder: Path | None, template: str) -> Record | str:
    if (why := record_problem(raw)) is not None:  # the exporter applies the same rule
        return why
    turns = [(str(t["from"]), str(t["value"])) for t in raw["conversations"]]
    names = image_names(raw) or []
    if template == "plain" and (len(turns) != 2 or len(names) != 1):
        return "bad for plain template: needs one image and exactly one human/gpt exchange"
    if len(names) == 1:  # LLaVA moves the single image to the start of its message
        turns = [(r, normalize_image_placement(t)) for r, t in turns]
    paths = []
    for name in names:
        candidates = [base / name] + ([image_folder / name] if image_folder else [])
        found = next((p for p in candidates if p.is_file()), None)
        if found is None:
            return f"missing image: {name} (tried {' and '.join(str(p) for p in candidates)})"
        paths.append(found)
    return Record(rid, turns, paths)


def _read_json_list(file: Path) -> list[Any] | str:
    """The file's JSON list, or why it cannot be read (the file is dropped, the run goes on)."""
    try:
        items = json.loads(file.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as e:
        return f"bad file: not UTF-8 ({e.reason} at byte {e.start})"
    except json.JSONDecodeError as e:
        return f"bad file: not valid JSON ({e})"
    except OSError as e:
        return f"bad file: unreadable ({e.strerror or e})"
    if not isinstance(items, list):
        return "bad file: expected a JSON list of records"
    return items


def check_data(data: Path, allow_incomplete: bool = False) -> list[Path]:
    """The JSON files under ``data``; refuses an unfinished export unless ``allow_incomplete``.

    A file is checked as part of the folder it sits in: an export's single ``llava.json``
    (``vf-tasks export --llava-single-file``) is refused while that export has no ``COMPLETED``.
    """
    files = find_json_files(Path(data))
    folder = Path(data) if Path(data).is_dir() else Path(data).parent
    if not allow_incomplete and (why := export_problem(folder)):
        raise DataError(why)
    return files


def load_records(
    data: Path,
    template: str,
    image_folder: Path | None = None,
    check_images: bool = True,
    report: DropReport | None = None,
    allow_incomplete: bool = False,
    image_check_threads: int = 8,
) -> tuple[list[Record], DropReport]:
    """Parse and validate every record of every JSON list under ``data``.

    A file that is not UTF-8 JSON, or a record that breaks the shared rule
    (``visionflan_shards.record_problem``), is dropped with its reason; nothing here raises for
    one bad input. An export folder without its ``COMPLETED`` marker is refused (DataError)
    unless ``allow_incomplete``.
    """
    report = report if report is not None else DropReport()
    files = check_data(Path(data), allow_incomplete)
    if image_folder is None and (Path(data) / "llava").is_dir():
        image_folder = Path(data)  # a `vf-tasks export` folder: image paths are relative to it
    records: list[Record] = []
    for file in files:
        items = _read_json_list(file)
        if isinstance(items, str):
            report.add(str(file), items)
            continue
        for i, raw in enumerate(items):
            rid = str(raw.get("id", f"{file.name}:{i}")) if isinstance(raw, dict) else f"{file.name}:{i}"
            parsed = _parse(raw, printable(rid), file.parent, image_folder, template)
            if isinstance(parsed, str):
                report.add(printable(rid), parsed)
            else:
                records.append(parsed)
    if check_images:
        records = _drop_bad_images(records, report, image_check_threads)
    return records, report


def _drop_bad_images(records: Sequence[Record], report: DropReport, threads: int = 8) -> list[Record]:
    paths = sorted({p for r in records for p in r.images})
    if threads <= 1:
        problems = {p: _image_problem(p) for p in paths}
    else:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            problems = dict(zip(paths, pool.map(_image_problem, paths), strict=True))
    kept = []
    for r in records:
        bad = next((problems[p] for p in r.images if problems[p]), None)
        if bad:
            report.add(r.id, bad)
        else:
            kept.append(r)
    return kept
