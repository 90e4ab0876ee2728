"""LSUN scenes: one LMDB per category (``<category>_<split>_lmdb/``), keys image ids, values JPEG bytes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, pick_options

INSTALL_HINT = "the LSUN reader needs the lmdb package: pip install 'visionflan[lmdb]'"
IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"RIFF")


def read_lsun(
    context: ReadContext,
    root: Path,
    *,
    categories: Sequence[str],
    split: str = "train",
    class_names: Mapping[str, str] | None = None,
    option_count: int = 9,
) -> Iterator[SourceRecord]:
    """One record per LMDB entry of every category folder present; ids ``<category>_<n>.png``.

    The image is the stored bytes as a derived ``.jpg``; the choices are the answer and ``option_count - 1``
    other categories (by display name), seeded by the record id. A category folder that is absent is
    skipped (LSUN is downloaded per category); finding none is reported.
    """
    try:
        import lmdb
    except ImportError as error:
        raise ImportError(INSTALL_HINT) from error
    names = {c: (class_names or {}).get(c, c.replace("_", " ")) for c in categories}
    found = [c for c in categories if (root / f"{c}_{split}_lmdb").is_dir()]
    if not found:
        context.problem(f"no <category>_{split}_lmdb folder for any of {', '.join(categories)}", file=root)
    for category in found:
        folder = root / f"{category}_{split}_lmdb"
        try:
            env = lmdb.open(str(folder), readonly=True, lock=False, readahead=False, subdir=True)
        except lmdb.Error as error:
            context.problem(f"cannot open the LMDB: {error}", file=folder)
            continue

        def build(key: object, raw: Any, category: str = category, folder: Path = folder) -> SourceRecord:
            index, data = raw
            if not data.startswith(IMAGE_MAGIC):
                raise SkipRecord("the stored value is not a JPEG, PNG or WebP image", field="image")
            record = f"{category}_{index}.png"

            def write(path: Path) -> None:
                path.write_bytes(data)

            image = context.derived(f"{category}-{split}-{index}.jpg", write, sources=[folder / "data.mdb"])
            scene = names[category]
            choices, answer = pick_options(list(names.values()), scene, option_count, seed=record)
            return SourceRecord(id=record, images=(image,), fields={"scene": scene}, label=scene,
                                choices=choices, answer_index=answer)

        try:
            with env.begin(buffers=False) as txn:
                entries = ((key.decode(errors="replace"), (n, bytes(value)))
                           for n, (key, value) in enumerate(txn.cursor()))
                yield from context.build_each(entries, build, file=folder / "data.mdb")
        finally:
            env.close()
