"""Yoga-82: split lists ``yoga_{train,test}.txt`` plus per-pose link files, images downloaded.

Split line: ``<Pose_folder>/<n>.jpg,<label6>,<label20>,<label82>``; link line (one file per pose
in ``yoga_dataset_links/``): ``<Pose_folder>/<n>.jpg<TAB><url>``. Yoga-82 ships URLs only, so the
images are wherever the downloader put them: ``<image_dir>/<Pose_folder>/<n>.jpg``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SourceRecord, load_rows, read_class_paths


def read_yoga_82(
    context: ReadContext,
    root: Path,
    *,
    lists: Sequence[str] = ("yoga_train.txt",),
    image_dir: str = "images",
    links_dir: str = "yoga_dataset_links",
) -> Iterator[SourceRecord]:
    """One record per listed image whose file exists; the label is the 82-class pose name.

    The pose name is the folder with ``_`` read as spaces (``Camel Pose or Ustrasana``). The record
    id is the stem of the image's download URL, as in the released ids
    (``3996955946_6bdcf63414_z``); where the URL is unknown or its stem was already used, it is the
    list path without suffix (``Camel_Pose_or_Ustrasana_/12``) so ids stay unique.
    """
    urls = _urls(context, root / links_dir)
    used: set[str] = set()

    def build(path: PurePosixPath, pose: str) -> SourceRecord:
        image = context.image(f"{image_dir}/{path.as_posix()}" if image_dir else path.as_posix())
        stem = PurePosixPath(urls.get(path.as_posix(), "").split("?")[0]).stem
        record_id = stem if stem and stem not in used else path.with_suffix("").as_posix()
        used.add(record_id)
        return SourceRecord(id=record_id, images=(image,), fields={"pose": pose}, label=pose)

    yield from read_class_paths(context, root, lists, build, delimiter=",")


def _urls(context: ReadContext, folder: Path) -> dict[str, str]:
    """``{list path: url}`` from every link file; a missing folder is reported once."""
    if not folder.is_dir():
        context.problem("link folder is missing; ids fall back to list paths", file=folder)
        return {}
    urls: dict[str, str] = {}
    for path in sorted(folder.glob("*.txt")):
        for number, row in load_rows(context, path, delimiter="\t", header=False):
            if len(row) < 2 or not row[1].strip():
                context.problem(f"line {number} has no URL", file=path, record_id=row[0],
                                field="url")
                continue
            urls[row[0].strip()] = row[1].strip()
    return urls
