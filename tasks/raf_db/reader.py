"""RAF-DB basic: ``EmoLabel/list_patition_label.txt``, ``Image/original/`` and ``Annotation/manual/``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows


def read_raf_db(
    context: ReadContext, root: Path, *, emotions: Sequence[str], genders: Sequence[str],
    races: Sequence[str], ages: Sequence[str], labels: str = "EmoLabel/list_patition_label.txt",
) -> Iterator[SourceRecord]:
    """One record per listed image: its emotion (1-based in the list) and its manual attributes.

    ``Annotation/manual/<stem>_manu_attri.txt`` holds five landmark lines, then gender, race and age
    group codes (0-based), named through ``genders``, ``races`` and ``ages``. The record id is the
    image stem (``train_04443``), as released; the image is the original, not the aligned crop.
    """
    path = root / labels

    def build(record_id: object, row: list[str]) -> SourceRecord:
        if len(row) < 2:
            raise SkipRecord("line has no emotion label", field="emotion")
        name, stem = row[0], Path(row[0]).stem
        emotion = _named(emotions, row[1], 1, "emotion")
        image = context.image(f"Image/original/{name}")
        codes = _attributes(root / "Annotation" / "manual" / f"{stem}_manu_attri.txt")
        fields: Mapping[str, str] = {
            "emotion": emotion, "gender": _named(genders, codes[0], 0, "gender"),
            "race": _named(races, codes[1], 0, "race"), "age": _named(ages, codes[2], 0, "age")}
        return SourceRecord(id=stem, images=(image,), fields=dict(fields), label=emotion)

    rows = load_rows(context, path, delimiter=" ", header=False)
    yield from context.build_each(((row[0], row) for _, row in rows), build, file=path)


def _attributes(path: Path) -> list[str]:
    """The gender, race and age codes: lines 6-8 of a manual attribute file."""
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError) as error:
        raise SkipRecord(f"cannot read {path.name}: {error}", field="attributes") from error
    if len(lines) < 8:
        raise SkipRecord(f"{path.name} has {len(lines)} lines, not 5 landmarks and 3 attributes",
                         field="attributes")
    return lines[5:8]


def _named(names: Sequence[str], code: str, first: int, field: str) -> str:
    index = int(code) - first if code.strip().isdigit() else -1
    if not 0 <= index < len(names):
        raise SkipRecord(f"unknown {field} code {code!r}", field=field)
    return names[index]
