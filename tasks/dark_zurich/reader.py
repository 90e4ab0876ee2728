"""Dark Zurich: ``rgb_anon/<split>/<day|night|twilight>/GOPR<nnnn>/GOPR<nnnn>_frame_<n>_rgb_anon.png``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SourceRecord


def read_dark_zurich(
    context: ReadContext, root: Path, *, times: Mapping[str, str], split: str = "train",
) -> Iterator[SourceRecord]:
    """One record per frame; the label is its time-of-day folder, named through ``times``.

    The time of day lives only in the folder. The record id is the frame's file stem
    (``GOPR0375_frame_000495_rgb_anon``), as released. A folder not in ``times`` is reported once.
    """
    base = root / "rgb_anon" / split
    if not base.is_dir():
        context.problem("split folder is missing", file=base)
        return
    frames = []
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        if folder.name not in times:
            context.problem(f"time-of-day folder {folder.name!r} is not one of {sorted(times)}",
                            file=folder, field="label")
            continue
        frames += [(folder.name, path) for path in sorted(folder.glob("*/*_rgb_anon.png"))]

    def build(record_id: object, frame: tuple[str, Path]) -> SourceRecord:
        time = times[frame[0]]
        image = context.image(frame[1].relative_to(root).as_posix())
        return SourceRecord(id=frame[1].stem, images=(image,), fields={"time": time}, label=time)

    yield from context.build_each(((path.stem, (time, path)) for time, path in frames), build, file=base)
