"""RAVEN: the composed figure matches the documented layout pixel by pixel; bad files are reported."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image

from visionflan_core.records import resolve_image
from visionflan_core.testing import copy_fixture, read_task

from .reader import VIRIDIS, compose_panels, layout

numpy = pytest.importorskip("numpy")

FIXTURE = Path(__file__).parent / "fixture"
TASK = "raven_next_pattern"
WHITE = (255, 255, 255)


def test_layout_of_the_release_for_raven_panels() -> None:
    size, corners = layout(160)
    assert size == (871, 770)                       # the released figure is 872x771
    assert corners[:5] == [(0, 22), (237, 22), (474, 22), (711, 22), (0, 218)]
    assert corners[15] == (711, 610)


def test_composed_figure_is_pixel_checked_against_the_layout() -> None:
    panels = numpy.full((16, 40, 40), 200, dtype=numpy.uint8)
    panels[:, 10:30, 10:30] = 20                     # a dark square: the panel minimum
    panels[:, 0, 0] = 255                            # one white pixel: the panel maximum
    figure = compose_panels(panels)
    (width, height), corners = layout(40)
    assert figure.size == (width, height) and figure.mode == "RGB"
    pixels = figure.load()
    assert pixels is not None
    for x, y in corners:
        assert pixels[x + 20, y + 20] == VIRIDIS[0]          # square centre: darkest colour
        assert pixels[x, y] == VIRIDIS[-1]                     # the maximum: yellow
        background = pixels[x + 39, y + 39]                    # 200 of 20..255: a green-yellow
        assert background not in (VIRIDIS[0], VIRIDIS[-1], WHITE)
        if x + 40 < width:
            assert pixels[x + 40, y + 20] == WHITE             # the gap right of a panel
    title_colours = {colour for _, colour in figure.crop((0, 0, 40, 22)).getcolors() or []}
    assert WHITE in title_colours and len(title_colours) > 1   # a title drawn on white
    gap = figure.crop((40, 22, corners[1][0], 62)).getcolors()
    assert gap is not None and [colour for _, colour in gap] == [WHITE]


def test_fixture_figures_and_targets(tmp_path: Path) -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records][2] == ("image_distribute_four_178.png", "Option 4")
    with Image.open(resolve_image(TASK, FIXTURE, records[2].images[0])) as figure:
        assert figure.size == layout(20)[0]


def test_bad_problem_files_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "raven")
    four = root / "distribute_four"
    (four / "RAVEN_7_val.npz").write_bytes(b"not a zip")
    numpy.savez(four / "RAVEN_9_test.npz", image=numpy.zeros((8, 20, 20), numpy.uint8), target=2)
    numpy.savez(four / "RAVEN_19_test.npz", image=numpy.zeros((16, 20, 20), numpy.uint8), target=8)
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == [
        "image_center_single_3.png", "image_distribute_four_178.png", "image_distribute_four_1427.png"]
    assert [(p.record_id, p.field) for p in problems] == [
        ("image_distribute_four_7.png", "image"), ("image_distribute_four_9.png", "image"),
        ("image_distribute_four_19.png", "target")]


def test_without_numpy_the_reader_stops_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "numpy", None)
    records, problems = read_task(TASK, FIXTURE)
    assert records == [] and "pip install 'visionflan[npz]'" in problems[0].message
