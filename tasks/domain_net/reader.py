"""DomainNet (cleaned): ``<domain>_{train,test}.txt`` lines ``<domain>/<class>/<file> <idx>``.

One reader for every ``DOMAIN_NET+*`` task; ``lists`` picks the domain(s) and splits.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SourceRecord, read_class_paths


def read_domain_net(
    context: ReadContext, root: Path, *, lists: Sequence[str] = ("clipart_train.txt",)
) -> Iterator[SourceRecord]:
    """One record per listed image; the label is the class folder with ``_`` read as a space.

    Fields: ``class_name`` (= label) and ``domain`` (the first path part, e.g. ``clipart``).
    The record id is the file stem (``clipart_345_000086``), unique within DomainNet, as released.
    """

    def build(path: PurePosixPath, name: str) -> SourceRecord:
        return SourceRecord(
            id=path.stem,
            images=(context.image(path.as_posix()),),
            fields={"class_name": name, "domain": path.parts[0]},
            label=name,
        )

    yield from read_class_paths(context, root, lists, build, delimiter=" ")
