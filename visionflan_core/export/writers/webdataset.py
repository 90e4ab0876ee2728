"""``webdataset``: tar shards of ``{key}.json`` plus ``{key}.jpg``/``.png`` (``{key}.{i}.jpg`` if
several images), with fixed tar headers so the same examples always give the same bytes."""

from __future__ import annotations

import io
import tarfile
from typing import Any

from ..fsutil import dump_json
from . import OutputRecord, ShardWriter


class WebDatasetWriter(ShardWriter):
    """Readable by ``webdataset.WebDataset``; members are written in key order."""

    folder = "webdataset"
    suffix = ".tar"

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.tar = tarfile.open(  # noqa: SIM115 - closed in _finish, the writer's lifetime
            self.temporary, "w", format=tarfile.USTAR_FORMAT)

    def add(self, record: OutputRecord) -> None:
        self._member(f"{record.key}.json", dump_json(record.full(), indent=None))
        several = len(record.images) > 1
        for index, image in enumerate(record.images):
            name = f"{record.key}.{index}.{image.ext}" if several else f"{record.key}.{image.ext}"
            self._member(name, image.read())

    def _member(self, name: str, data: bytes) -> None:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        info.mtime = 0
        info.mode = 0o444
        info.uid = info.gid = 0
        info.uname = info.gname = "visionflan"
        self.tar.addfile(info, io.BytesIO(data))

    def _finish(self) -> None:
        self.tar.close()

    def _discard(self) -> None:
        fileobj = self.tar.fileobj
        if fileobj is not None:
            fileobj.close()  # without the end-of-archive blocks: the file is deleted next
