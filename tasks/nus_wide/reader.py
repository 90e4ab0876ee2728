"""NUS-WIDE: ``ImageList/Imagelist.txt`` (Windows paths), in line order with ``Labels_<concept>.txt``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path, PureWindowsPath

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, load_rows


def read_nus_wide(
    context: ReadContext, root: Path, *, concept: str, answers: Sequence[str] = ("No", "Yes"),
    image_list: str = "ImageList/Imagelist.txt", labels_dir: str = "Groundtruth/AllLabels",
    image_dir: str = "Flickr",
) -> Iterator[SourceRecord]:
    """One record per listed image: does it show ``concept``? Options ``answers`` (0 -> first).

    Image list lines end ``...\\Flickr\\<keyword>\\<nnnn>_<photo id>.jpg``; the image is read from
    ``<image_dir>/<keyword>/<file>``. The label file has one 0/1 per line in the same order; the two
    files must be equally long (else nothing is read). The record id is the file stem
    (``0089_1447908783``), as released; a repeated stem is reported.
    """
    list_path, label_path = root / image_list, root / labels_dir / f"Labels_{concept}.txt"
    paths = load_rows(context, list_path, delimiter="\t", header=False)
    flags = load_rows(context, label_path, delimiter="\t", header=False)
    if not paths or not flags:
        return
    if len(paths) != len(flags):
        context.problem(f"{len(paths)} images but {len(flags)} labels: the files are not aligned",
                        file=label_path)
        return
    seen: set[str] = set()

    def build(record_id: object, pair: tuple[list[str], list[str]]) -> SourceRecord:
        windows = PureWindowsPath(pair[0][0].strip())
        flag = pair[1][0].strip()
        if flag not in ("0", "1"):
            raise SkipRecord(f"label {flag!r} is not 0 or 1", field=f"Labels_{concept}")
        if windows.stem in seen:
            raise SkipRecord(f"image name {windows.name} is listed twice", field="image")
        image = context.image("/".join((image_dir, *windows.parts[-2:])))
        seen.add(windows.stem)
        answer = int(flag)
        return SourceRecord(id=windows.stem, images=(image,), fields={}, label=answers[answer],
                            choices=tuple(answers), answer_index=answer)

    pairs = ((f"line {line}", (row, flag)) for (line, row), (_, flag) in zip(paths, flags, strict=True))
    yield from context.build_each(pairs, build, file=list_path)
