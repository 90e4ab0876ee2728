"""RAVEN: ``<configuration>/RAVEN_<k>_<split>.npz`` (16 panels and a target), one composed figure each.

The figure is rebuilt into the derived-image cache in the release's 4x4 layout (see
:func:`compose_panels`). Reading the ``.npz`` files needs numpy, the ``npz`` extra.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord

INSTALL_HINT = "the RAVEN reader needs numpy to read .npz files: pip install 'visionflan[npz]'"
NAME = re.compile(r"RAVEN_(\d+)_(train|val|test)\.npz")
PANELS = 16
TITLE = 22          # title band above each row of panels
ROW_GAP = 14        # white space below a panel, before the next row's title band
# viridis at 0, 1/8, ..., 1 (matplotlib's colour map): the ramp is interpolated between these
VIRIDIS = ((68, 1, 84), (71, 44, 122), (59, 82, 139), (44, 113, 142), (33, 145, 140),
           (40, 174, 128), (94, 201, 98), (173, 220, 48), (253, 231, 37))


def viridis_ramp() -> list[tuple[int, int, int]]:
    """256 colours from dark purple (0) to yellow (255), linear between the 9 anchors."""
    ramp = []
    for value in range(256):
        position = value / 255 * (len(VIRIDIS) - 1)
        low = min(int(position), len(VIRIDIS) - 2)
        share = position - low
        (r0, g0, b0), (r1, g1, b1) = VIRIDIS[low], VIRIDIS[low + 1]
        ramp.append((round(r0 + (r1 - r0) * share), round(g0 + (g1 - g0) * share),
                     round(b0 + (b1 - b0) * share)))
    return ramp


def layout(size: int) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """The figure size and each panel's top-left corner for panels of ``size`` pixels."""
    column = size + round(0.48 * size)
    row = size + TITLE + ROW_GAP
    corners = [(c * column, TITLE + r * row) for r in range(4) for c in range(4)]
    return (3 * column + size, TITLE + 3 * row + size), corners


def compose_panels(panels: Any) -> Image.Image:
    """The 4x4 titled figure of 16 square grey panels (a numpy array of shape (16, P, P))."""
    size = int(panels.shape[1])
    (width, height), corners = layout(size)
    figure = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(figure)
    font = _font()
    ramp = viridis_ramp()
    channels = [[colour[i] for colour in ramp] for i in range(3)]
    for index, (x, y) in enumerate(corners):
        panel = panels[index].astype("float64")
        low, high = float(panel.min()), float(panel.max())
        scaled = (panel - low) * (255.0 / (high - low)) if high > low else panel * 0.0
        grey = Image.fromarray(scaled.round().astype("uint8"), "L")
        figure.paste(Image.merge("RGB", [grey.point(channel) for channel in channels]), (x, y))
        title = f"Image {index + 1}" if index < 8 else f"Option {index - 7}"
        draw.text((x + size / 2, y - TITLE / 2), title, fill="black", font=font, anchor="mm")
    return figure


def _font() -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    """Pillow's default font at the release's title size (16 px), or its bitmap font before 10.1."""
    try:
        return ImageFont.load_default(size=16)
    except TypeError:
        return ImageFont.load_default()


def read_raven(
    context: ReadContext, root: Path, *, configurations: Sequence[str] | None = None,
    splits: Sequence[str] = ("train", "val", "test"),
) -> Iterator[SourceRecord]:
    """One record per problem file; the label is ``Option <target + 1>``, the image the composed figure.

    The record id is ``image_<configuration>_<k>.png``; field ``configuration``.
    """
    try:
        import numpy
    except ImportError as error:
        raise ImportError(INSTALL_HINT) from error
    folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    if configurations is not None:
        folders = [root / name for name in configurations]
    problems: list[tuple[str, tuple[str, int, Path]]] = []
    for folder in folders:
        if not folder.is_dir():
            context.problem("configuration folder is missing", file=folder)
            continue
        for path in folder.glob("RAVEN_*.npz"):
            match = NAME.fullmatch(path.name)
            if match and match.group(2) in splits:
                number = int(match.group(1))
                problems.append((f"image_{folder.name}_{number}.png", (folder.name, number, path)))
    if not problems:
        context.problem("no RAVEN_<k>_<split>.npz problem file found", file=root)
    problems.sort(key=lambda item: (item[1][0], item[1][1]))

    def build(record_id: object, item: tuple[str, int, Path]) -> SourceRecord:
        configuration, number, path = item
        try:
            with numpy.load(path) as data:
                if "image" not in data.files or "target" not in data.files:
                    raise SkipRecord("the file lacks the image or target array", field="image")
                panels, target = data["image"], data["target"]
        except (OSError, ValueError, zipfile.BadZipFile) as error:
            raise SkipRecord(f"not a readable .npz file: {error}", field="image") from None
        if panels.ndim != 3 or panels.shape[0] != PANELS or panels.shape[1] != panels.shape[2]:
            raise SkipRecord(f"image array has shape {panels.shape}, not (16, P, P)", field="image")
        if target.size != 1 or not 0 <= int(target) < 8:
            raise SkipRecord(f"target {target!r} is not a candidate index 0-7", field="target")
        figure = context.derived(f"{configuration}_{number}.png",
                                 lambda out: compose_panels(panels).save(out), sources=[path])
        return SourceRecord(id=str(record_id), images=(figure,),
                            fields={"configuration": configuration}, label=f"Option {int(target) + 1}")

    yield from context.build_each(problems, build, file=root)
