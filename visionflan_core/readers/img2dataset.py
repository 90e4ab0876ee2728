"""Images fetched with img2dataset, joined to the dataset's own annotation file by URL (or key).

Conceptual Captions, RedCaps, VQG and WIT publish image URLs only; researchers fetch them with
img2dataset (https://github.com/rom1504/img2dataset). Its default ``files`` output format writes, under
the output folder (checked against its README and ``img2dataset/writer.py``, ``downloader.py``)::

    00000/                 one folder per shard, zero-padded to ``oom_shard_count`` digits (default 5)
      000000000.jpg        the image, for successful downloads only (suffix: ``encode_format``)
      000000000.txt        the caption, when the input had a caption column
      000000000.json       the sample's metadata: the input columns (``url``, ``caption`` and any
                           ``save_additional_columns``), ``key``, ``status``, ``error_message``,
                           ``width``, ``height``, ``original_width``, ``original_height``, ``exif``, ...
    00000.parquet          the same metadata for every sample of the shard, failed ones included
    00000_stats.json       the shard's counts

A key is ``shard * 10**ceil(log10(number_sample_per_shard)) + position in the shard``, zero-padded
(``000010005``: shard 1, sample 5 with the defaults); :func:`key_for` computes it.

A reader loads the download once and asks it for each annotation's image::

    from visionflan_core.readers.img2dataset import load_downloads

    downloads = load_downloads(context, root, "images")           # index by "url"
    def build(record_id, raw):
        image = downloads.image(require(raw, "url"))              # checked path, or not downloaded
        return SourceRecord(id=..., images=(image,), fields=..., label=...)
    yield from downloads.build_each(rows, build, file=path)

Dead links are expected, not malformed data: :meth:`Downloads.build_each` leaves out records whose
image was never downloaded and reports them in one problem per task with their count, the reasons
(img2dataset's ``status`` from the ``.parquet`` files when pyarrow is installed) and the first ids.
An image whose metadata says it was saved but whose file is gone is a bad record, reported as such.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import ReadContext, SkipRecord, SourceRecord

__all__ = ["Download", "Downloads", "NotDownloaded", "key_for", "load_downloads", "write_files_output"]

_SHARD = re.compile(r"^[0-9]+$")
_SIDECARS = {".json", ".txt"}
NOT_IN_DOWNLOAD = "not in the download"
# how many record ids the summary problem names
_EXAMPLES = 5


@dataclass(frozen=True)
class Download:
    """One sample img2dataset saved: its key, its URL, the image path below the root, its metadata."""

    key: str
    url: str
    image: str
    caption: str | None
    meta: Mapping[str, Any]


class NotDownloaded(SkipRecord):
    """The record's image was never downloaded; ``reason`` is img2dataset's status or why not known."""

    def __init__(self, value: str, reason: str) -> None:
        super().__init__(f"image {value!r} was never downloaded ({reason})", field="image")
        self.reason = reason


@dataclass
class Downloads:
    """The samples of one img2dataset output folder, indexed by one metadata column (``join``).

    ``failures`` maps join values that img2dataset tried and did not save to its status
    (``failed_to_download: <error>``), read from the shards' ``.parquet`` files.
    """

    context: ReadContext
    folder: str
    join: str
    saved: dict[str, Download] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.saved)

    def find(self, value: object) -> Download | None:
        """The saved sample whose ``join`` column equals ``value`` (compared stripped), if any."""
        return self.saved.get(str(value).strip())

    def image(self, value: object) -> str:
        """The checked image path of the sample joined to ``value``, relative to the root.

        Raises :class:`NotDownloaded` when img2dataset did not save it, and ``SkipRecord(field=
        "image")`` when it was saved but the file is gone.
        """
        text = str(value).strip()
        found = self.saved.get(text)
        if found is None:
            raise NotDownloaded(text, self.failures.get(text, NOT_IN_DOWNLOAD))
        return self.context.image(found.image)

    def build_each(
        self,
        items: Iterable[tuple[object, Any]],
        build: Callable[[object, Any], SourceRecord | None],
        *,
        file: str | Path,
    ) -> Iterator[SourceRecord]:
        """:meth:`ReadContext.build_each`, but records without a downloaded image are counted.

        They are left out and reported together, once, after the last item: how many of how many
        records (items ``build`` leaves out with ``None`` are not counted), why (img2dataset's
        status, or ``not in the download``) and the first record ids.
        """
        missing: list[tuple[object, str]] = []
        total = 0

        def guarded(record_id: object, raw: Any) -> SourceRecord | None:
            nonlocal total
            try:
                record = build(record_id, raw)
            except NotDownloaded as error:
                missing.append((record_id, error.reason))
                total += 1
                return None
            except Exception:
                total += 1
                raise
            total += record is not None  # items left out as out of scope are not records
            return record

        yield from self.context.build_each(items, guarded, file=file)
        if missing:
            reasons = Counter(reason.split(":", 1)[0] for _, reason in missing)
            why = ", ".join(f"{count} {reason}" for reason, count in reasons.most_common())
            first = ", ".join(str(record_id) for record_id, _ in missing[:_EXAMPLES])
            self.context.problem(
                f"{len(missing)} of {total} records have no image downloaded by img2dataset in "
                f"{self.folder}/ ({why}); first: {first}", file=file, field="image")


def key_for(position: int, *, number_sample_per_shard: int = 10000, oom_shard_count: int = 5,
            start_shard: int = 0) -> str:
    """img2dataset's key of the sample at 0-based ``position`` of one input file, as it names files."""
    digits = math.ceil(math.log10(number_sample_per_shard))
    shard, index = divmod(position, number_sample_per_shard)
    return f"{(shard + start_shard) * 10 ** digits + index:0{digits + oom_shard_count}d}"


def load_downloads(context: ReadContext, root: Path, folder: str = "images", *,
                   join: str = "url") -> Downloads:
    """Index the img2dataset ``files`` output in ``root/folder`` by the metadata column ``join``.

    ``join`` is ``url`` (default), ``key``, or any column img2dataset saved from the input
    (``save_additional_columns``). Every shard folder's ``<key>.json`` says what was saved; a
    sample whose JSON is unreadable or lacks the column is reported and skipped. The first sample
    of a value wins when the input listed it twice. A missing folder, or a WebDataset/Parquet
    output (``.tar`` shards, images inside ``.parquet``), is reported: only ``files`` is read.
    """
    downloads = Downloads(context, folder.strip("/"), join)
    base = root / downloads.folder
    if not base.is_dir():
        context.problem("img2dataset output folder is missing (run img2dataset with "
                        "--output_format files into it)", file=base)
        return downloads
    entries = sorted(base.iterdir())
    if any(e.suffix == ".tar" and _SHARD.match(e.stem) for e in entries):
        context.problem("img2dataset webdataset output (.tar shards) is not read: download with "
                        "--output_format files", file=base)
    shards = [e for e in entries if e.is_dir() and _SHARD.match(e.name)]
    if not shards:
        context.problem("no img2dataset shard folders (00000/, ...) here; only --output_format files "
                        "is read (not webdataset or parquet)", file=base)
    for shard in shards:
        _read_shard(context, root, shard, downloads)
    _read_failures([e for e in entries if e.suffix == ".parquet" and _SHARD.match(e.stem)], downloads)
    return downloads


def _read_shard(context: ReadContext, root: Path, shard: Path, downloads: Downloads) -> None:
    by_stem: dict[str, list[Path]] = {}
    for path in sorted(shard.iterdir()):
        by_stem.setdefault(path.stem, []).append(path)
    for stem, paths in by_stem.items():
        meta_file = next((p for p in paths if p.suffix == ".json"), None)
        if meta_file is None:
            continue  # an image without metadata: img2dataset always writes both
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            context.problem(f"img2dataset metadata unreadable: {error}", file=meta_file)
            continue
        if not isinstance(meta, dict) or meta.get(downloads.join) is None or meta.get("url") is None:
            context.problem(f"img2dataset metadata without {downloads.join!r}", file=meta_file,
                            field=downloads.join)
            continue
        if meta.get("status", "success") != "success":
            continue
        images = [p for p in paths if p.suffix.lower() not in _SIDECARS]
        image = images[0] if images else shard / f"{stem}.jpg"  # reported as missing when read
        caption_file = next((p for p in paths if p.suffix == ".txt"), None)
        try:
            caption = caption_file.read_text(encoding="utf-8") if caption_file is not None else None
        except (OSError, UnicodeDecodeError):
            caption = None  # the caption copy is a convenience: the annotation file has the text
        value = str(meta[downloads.join]).strip()
        downloads.saved.setdefault(value, Download(
            key=str(meta.get("key", stem)), url=str(meta["url"]).strip(),
            image=image.relative_to(root).as_posix(), caption=caption, meta=meta))


def _read_failures(stats: list[Path], downloads: Downloads) -> None:
    """Statuses of the samples img2dataset did not save, from ``<shard>.parquet`` (needs pyarrow)."""
    if not stats:
        return
    try:
        import pyarrow.parquet as pq
    except ImportError:
        return  # the statuses only explain what is missing; the JSON files say what is there
    for path in stats:
        try:
            names = set(pq.read_schema(path).names)
            if not {downloads.join, "status"} <= names:
                continue
            columns = [downloads.join, "status"] + (["error_message"] if "error_message" in names else [])
            table = pq.read_table(path, columns=columns).to_pydict()
        except Exception as error:  # pyarrow raises its own types for a broken file
            downloads.context.problem(f"img2dataset stats unreadable: {error}", file=path)
            continue
        errors = table.get("error_message") or [None] * len(table["status"])
        for value, status, message in zip(table[downloads.join], table["status"], errors, strict=True):
            if value is None or status in (None, "success"):
                continue
            reason = f"{status}: {message}" if message else str(status)
            downloads.failures.setdefault(str(value).strip(), reason)


def write_files_output(
    folder: Path,
    samples: Iterable[Mapping[str, Any]],
    draw: Callable[[Path, str], object],
    *,
    number_sample_per_shard: int = 10000,
) -> None:
    """Write what img2dataset's ``files`` output holds, for fixtures and tests: one sample per input row.

    ``samples`` are the input rows in order (``url``, optional ``caption``, extra columns); a row
    with ``status`` other than ``success`` is a failed download (no files, like img2dataset).
    ``draw(path, key)`` writes the image. The ``.parquet`` stats are left out (pyarrow stamps its
    version into them, so they are not reproducible byte for byte); ``_stats.json`` is written.
    """
    counts: dict[int, Counter[str]] = {}
    for position, row in enumerate(samples):
        key = key_for(position, number_sample_per_shard=number_sample_per_shard)
        shard = position // number_sample_per_shard
        status = str(row.get("status", "success"))
        counts.setdefault(shard, Counter())[status] += 1
        if status != "success":
            continue
        subfolder = folder / f"{shard:05d}"
        subfolder.mkdir(parents=True, exist_ok=True)
        draw(subfolder / f"{key}.jpg", key)
        if "caption" in row:
            (subfolder / f"{key}.txt").write_text(str(row["caption"]), encoding="utf-8")
        meta = {**{k: v for k, v in row.items() if k != "status"}, "key": key, "status": "success",
                "error_message": None, "width": 32, "height": 32, "original_width": 32,
                "original_height": 32, "exif": "{}"}
        (subfolder / f"{key}.json").write_text(json.dumps(meta, indent=4), encoding="utf-8")
    for shard, counter in sorted(counts.items()):
        stats = {"count": sum(counter.values()), "successes": counter["success"],
                 "failed_to_download": counter["failed_to_download"],
                 "failed_to_resize": counter["failed_to_resize"], "duration": 0.0, "start_time": 0.0,
                 "end_time": 0.0, "status_dict": dict(sorted(counter.items()))}
        (folder / f"{shard:05d}_stats.json").write_text(json.dumps(stats, indent=4), encoding="utf-8")
