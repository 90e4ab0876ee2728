"""STL-10 binary format: ``stl10_binary/<split>_X.bin``, ``<split>_y.bin``, ``class_names.txt``.

``<split>_X.bin`` is headerless uint8: 27,648 bytes per image, three 96x96 planes (red, green, blue),
each stored column by column. ``<split>_y.bin`` has one byte per image, the 1-based line of
``class_names.txt``. Each image is decoded with Pillow into a derived PNG (cached outside the data
folder, rebuilt when the binary changes).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PIL import Image

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, pick_options

SIDE = 96
PLANE = SIDE * SIDE
IMAGE_BYTES = 3 * PLANE


def decode(raw: bytes) -> Image.Image:
    """One image's 27,648 bytes -> an RGB image (each column-major plane transposed to rows)."""
    bands = [Image.frombytes("L", (SIDE, SIDE), raw[i * PLANE:(i + 1) * PLANE]).transpose(
        Image.Transpose.TRANSPOSE) for i in range(3)]
    return Image.merge("RGB", bands)


def read_stl_10(
    context: ReadContext, root: Path, *, folder: str = "stl10_binary", split: str = "train",
    options: int = 10,
) -> Iterator[SourceRecord]:
    """One record per labelled image, id ``<class>_<index>.png`` (index: 0-based position in the split)."""
    base = root / folder
    names_file, images_file, labels_file = (
        base / "class_names.txt", base / f"{split}_X.bin", base / f"{split}_y.bin")
    try:
        names = [line.strip() for line in names_file.read_text(encoding="utf-8").splitlines() if line.strip()]
        labels = labels_file.read_bytes()
        size = images_file.stat().st_size
    except OSError as error:
        context.problem(f"cannot read the STL-10 files: {error.strerror}", file=Path(error.filename or base))
        return
    if size != len(labels) * IMAGE_BYTES:
        context.problem(f"{size} bytes of images for {len(labels)} labels (expected "
                        f"{len(labels) * IMAGE_BYTES}); images past the end are reported",
                        file=images_file)

    def build(index: object, value: int) -> SourceRecord:
        assert isinstance(index, int)
        if not 1 <= value <= len(names):
            raise SkipRecord(f"label {value} is not a line of class_names.txt (1-{len(names)})",
                             field="label")
        label = names[value - 1]
        offset = index * IMAGE_BYTES
        if offset + IMAGE_BYTES > size:
            raise SkipRecord("the image lies past the end of the image file", field="image")

        def write(path: Path) -> None:
            with images_file.open("rb") as handle:
                handle.seek(offset)
                decode(handle.read(IMAGE_BYTES)).save(path)

        record_id = f"{label}_{index}.png"
        offered, answer = pick_options(names, label, options, seed=record_id)
        image = context.derived(f"{split}-{index}.png", write, sources=[images_file])
        return SourceRecord(id=record_id, images=(image,), fields={"class_name": label}, label=label,
                            choices=offered, answer_index=answer)

    yield from context.build_each(enumerate(labels), build, file=labels_file)
