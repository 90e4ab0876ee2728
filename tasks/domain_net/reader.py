"""DomainNet (cleaned): ``<domain>_{train,test}.txt`` lines ``<domain>/<class>/<file> <idx>``.

One reader for every ``DOMAIN_NET+*`` task; ``lists`` picks the domain(s) and splits.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SourceRecord, read_class_paths


def read_domain_net(
    context: ReadContext, root: Path, *, lists: Sequence[str] = ("clipart_train.txt",),
    id_suffix: bool = False,
) -> Iterator[SourceRecord]:
    """One record per listed image; the label is the class folder with ``_`` read as a space.

    Fields: ``class_name`` (= label) and ``domain`` (the first path part, e.g. ``clipart``).
    The record id is the file stem (``clipart_345_000086``), unique within DomainNet, as released;
    with ``id_suffix`` the file name (``painting_327_000120.jpg``, as the image-category task has it).
    """

    def build(path: PurePosixPath, name: str) -> SourceRecord:
        return SourceRecord(
            id=path.name if id_suffix else path.stem,
            images=(context.image(path.as_posix()),),
            fields={"class_name": name, "domain": path.parts[0]},
            label=name,
        )

    yield from read_class_paths(context, root, lists, build, delimiter=" ")
