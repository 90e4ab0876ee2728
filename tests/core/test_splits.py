"""Official split sizes in dataset.yaml, and `vf-tasks check` setting records found against them."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from visionflan_core.check import check_task
from visionflan_core.cli import cli
from visionflan_core.registry import Registry, discover

from .conftest import plugin_of

TASKS = Path(__file__).resolve().parents[2] / "tasks"

SPLITS = """\
splits:
  source: https://example.org/shapes#sizes
  sizes:
    cats: {size: 2, images: "cat/*"}
    dogs: {size: 1, images: "dog/*"}
"""


def shapes(make_package: Callable[..., Path], splits: str = SPLITS, task_extra: str = "") -> Registry:
    from .conftest import TASK_YAML

    root = make_package("acme", {"pets": "What is it?\n"}, yaml=TASK_YAML + task_extra)
    dataset_file = root / "shapes" / "dataset.yaml"
    dataset_file.write_text(dataset_file.read_text() + splits)
    return discover(group_entry_points=[plugin_of("acme")], use_cache=False)


def data_root(registry: Registry, tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(registry.entries["pets"].dataset.folder / "fixture", root / "shapes")
    return root


def test_complete_splits_are_ok_and_a_partial_download_is_incomplete(
    make_package: Callable[..., Path], tmp_path: Path
) -> None:
    registry = shapes(make_package)
    assert not registry.broken, registry.broken
    root = data_root(registry, tmp_path)
    result = check_task(registry, "pets", root)
    assert result.ok and result.status == "ok"
    assert [(s.name, s.found, s.expected) for s in result.splits] == [("cats", 2, 2), ("dogs", 1, 1)]

    (root / "shapes" / "cat" / "b.png").unlink()  # a partial download
    partial = check_task(registry, "pets", root)
    assert not partial.ok and partial.status == "INCOMPLETE" and not partial.problems
    cats = partial.splits[0]
    assert (cats.found, cats.expected) == (1, 2)
    expected = "split cats: 1 of 2 record(s) expected: INCOMPLETE (1 missing, 50.0% found)"
    assert cats.describe().startswith(expected)
    assert "https://example.org/shapes#sizes" in cats.describe()


def test_a_task_reading_one_split_is_held_to_that_split_only(
    make_package: Callable[..., Path], tmp_path: Path
) -> None:
    registry = shapes(make_package, task_extra="splits: [cats]\n")
    assert not registry.broken, registry.broken
    assert registry.entries["pets"].info.splits == {
        "source": "https://example.org/shapes#sizes", "sizes": {"cats": {"size": 2, "images": "cat/*"}}}
    result = check_task(registry, "pets", data_root(registry, tmp_path))
    assert [s.name for s in result.splits] == ["cats"] and result.ok
    assert result.unplaced == 1  # the dog image matches no split the task reads, and is said so


@pytest.mark.parametrize(("splits", "task_extra", "message"), [
    ("splits:\n  source: x\n  sizes: {a: {size: 1}, b: {size: 2}}\n", "",
     "each needs an 'images' glob"),
    ("splits:\n  source: x\n  sizes: {a: {size: 0}}\n", "", "greater than or equal to 1"),
    (SPLITS, "splits: [cats, birds]\n", "splits: birds not among the dataset's declared splits"),
    (SPLITS, "splits: [dogs, cats]\n", "names every declared split"),
    ("", "splits: [cats]\n", "not among the dataset's declared splits (none)"),
])
def test_split_declarations_that_cannot_be_checked_are_errors(
    make_package: Callable[..., Path], splits: str, task_extra: str, message: str
) -> None:
    registry = shapes(make_package, splits, task_extra)
    assert registry.broken and message in registry.broken[0].reason, registry.broken


def test_check_cli_shows_a_partial_real_dataset_per_split(tmp_path: Path) -> None:
    """DeepWeeds declares 17,509 images; its bundled fixture is a handful: a partial download."""
    root = tmp_path / "data"
    shutil.copytree(TASKS / "deepweeds" / "fixture", root / "deepweeds")
    task = "deepweeds_weed_species_recognition"
    result = CliRunner().invoke(cli, ["check", "--data-root", str(root), task])
    assert result.exit_code == 1
    assert "deepweeds_weed_species_recognition: INCOMPLETE:" in result.stdout
    assert "split all: " in result.stdout and "of 17,509 record(s) expected: INCOMPLETE" in result.stdout
    assert "doi:10.1038/s41598-018-38343-3" in result.stdout
    assert "incomplete splits" in result.stderr


def test_declared_sizes_reach_info(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["info", "FGVC_Aircraft+Aircraft_Classification_Family"])
    assert result.exit_code == 0, result.output
    assert "official splits" in result.stdout and "trainval 6,667" in result.stdout
