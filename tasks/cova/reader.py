"""CoVA: ``splits/domain_wise_imgs/<domain>.txt`` (webpage ids) and ``data/imgs/<id>.png``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows


def read_cova(
    context: ReadContext, root: Path, *, lists: str = "splits/domain_wise_imgs",
    image_dir: str = "data/imgs",
) -> Iterator[SourceRecord]:
    """One record per listed webpage; the label (field ``domain``) is the list file's name."""
    folder = root / lists
    if not folder.is_dir():
        context.problem("domain list folder is missing", file=folder)
        return
    listed: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.txt")):
        for _, row in load_rows(context, path, header=False):
            listed.setdefault(row[0].strip(), []).append(path.stem)

    def build(record_id: object, domains: list[str]) -> SourceRecord:
        if len(set(domains)) > 1:
            raise SkipRecord(f"listed under several domains: {', '.join(sorted(set(domains)))}",
                             field="domain")
        return SourceRecord(
            id=str(record_id),
            images=(context.image(f"{image_dir}/{record_id}.png"),),
            fields={"domain": domains[0]},
            label=domains[0],
        )

    ordered = sorted(listed.items(), key=lambda item: (len(item[0]), item[0]))
    yield from context.build_each(ordered, build, file=folder)
