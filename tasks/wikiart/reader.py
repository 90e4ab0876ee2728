"""WikiArt (ArtGAN's refined version): class lists joined per image, images under ``wikiart/``.

Each task folder of the CSV release (``Artist/``, ``Genre/``, ``Style/``) holds a class file
(``<index> <Name>`` lines) and train/val lists of ``<Style folder>/<file>.jpg,<class index>`` rows;
the repository's artist lists have a ``(Path to image),, (Groundtruth class)`` header line and an
empty middle column (``path,,index``), which this reader accepts as well.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows


def read_wikiart(
    context: ReadContext,
    root: Path,
    *,
    artist_list: str = "Artist/artist_train",
    artist_classes: str = "Artist/artist_class",
    genre_lists: list[str] | None = None,
    genre_classes: str = "Genre/genre_class",
    image_dir: str = "wikiart",
) -> Iterator[SourceRecord]:
    """One record per image of ``artist_list`` that ``genre_lists`` also labels.

    Fields ``artist``, ``genre``, ``style``: class names with ``_`` as spaces; the style is the
    image's folder. The record id is the image's file name (its path if the name repeats).
    Images without a genre label are out of scope and left out silently.
    """
    artists = _classes(context, root / artist_classes)
    genre_names = _classes(context, root / genre_classes)
    genres: dict[str, str] = {}
    for name in genre_lists if genre_lists is not None else ["Genre/genre_train.csv", "Genre/genre_val.csv"]:
        for line, row in _labelled(context, root / name):
            image, index = row
            if index not in genre_names:
                context.problem(f"genre class {index!r} is not in {genre_classes}", file=root / name,
                                record_id=f"line {line}", field="class")
                continue
            genres[image] = genre_names[index]
    seen: set[str] = set()

    def build(_: object, row: tuple[str, str]) -> SourceRecord | None:
        image, index = row
        if index not in artists:
            raise SkipRecord(f"artist class {index!r} is not in {artist_classes}", field="class")
        if image not in genres:
            return None  # no genre label: the target names all three, so out of scope
        relative = context.image(f"{image_dir}/{image}")
        path = PurePosixPath(image)
        record_id = path.name if path.name not in seen else image
        seen.add(record_id)
        fields = {"artist": artists[index], "genre": genres[image], "style": _spaced(path.parts[0])}
        return SourceRecord(id=record_id, images=(relative,), fields=fields, label=dict(fields))

    path = root / artist_list
    yield from context.build_each(
        ((f"line {line}", row) for line, row in _labelled(context, path)), build, file=path)


def _classes(context: ReadContext, path: Path) -> dict[str, str]:
    """``<index> <Name>`` lines -> {index: name with spaces}."""
    names: dict[str, str] = {}
    for line, row in load_rows(context, path, delimiter=" ", header=False):
        if len(row) != 2:
            context.problem("expected '<index> <Name>'", file=path, record_id=f"line {line}")
            continue
        names[row[0]] = _spaced(row[1])
    return names


def _labelled(context: ReadContext, path: Path) -> list[tuple[int, tuple[str, str]]]:
    """``path,index`` (or ``path,,index``) rows -> [(line, (path, index))]; a leading header is skipped."""
    rows: list[tuple[int, tuple[str, str]]] = []
    for position, (line, cells) in enumerate(load_rows(context, path, header=False)):
        index = cells[-1].strip()
        image = ",".join(cells[:-1]).rstrip(",").strip()
        if not index.isdigit() or not image:
            if position == 0:
                continue  # the "(Path to image),, (Groundtruth class)" header
            context.problem("expected '<image path>,<class index>'", file=path, record_id=f"line {line}",
                            field="class")
            continue
        rows.append((line, (image, index)))
    return rows


def _spaced(name: str) -> str:
    return name.replace("_", " ").strip()
