"""`vf-tasks new DATASET` and `new DATASET/TASK`: folders that discovery lists at once, no pyproject edit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from visionflan_core.cli import cli
from visionflan_core.errors import VisionFlanError
from visionflan_core.registry import discover
from visionflan_core.scaffold import scaffold_task
from visionflan_core.validate import validate_task

from .conftest import plugin_of


def _fill_in(dataset_yaml: Path) -> None:
    """What only the dataset's author can write: the facts the scaffold leaves as TODO."""
    text = dataset_yaml.read_text()
    for line in text.splitlines():
        if "TODO" in line:
            key = line.split(":")[0].strip()
            text = text.replace(line, f"{line.split(':')[0]}: the {key} of this test dataset"
                                if ":" in line and key else "  filled in")
    dataset_yaml.write_text(text)


def test_new_dataset_then_task_validates_without_touching_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "acme"\n')
    package = tmp_path / "acme_scaffold"
    runner = CliRunner()
    made = runner.invoke(cli, ["new", "birds", "--package-dir", str(package)])
    assert made.exit_code == 0, made.output
    assert 'acme_scaffold = "acme_scaffold:plugin"' in made.output  # the one line to add, once
    assert (package / "birds" / "fixture" / "records.jsonl").is_file()
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop("acme_scaffold", None)

    (broken,) = discover(group_entry_points=[plugin_of("acme_scaffold")]).broken
    assert "placeholder text" in broken.reason, "the TODOs must be filled in before use"
    _fill_in(package / "birds" / "dataset.yaml")

    task = runner.invoke(cli, ["new", "birds/species", "--package-dir", str(package)])
    assert task.exit_code == 0, task.output
    folder = package / "birds" / "species"
    task_yaml = folder / "task.yaml"
    task_yaml.write_text(task_yaml.read_text().replace("TODO one sentence", "One sentence"))
    registry = discover(group_entry_points=[plugin_of("acme_scaffold")])
    assert registry.broken == [] and list(registry.entries) == ["birds_species"]
    assert validate_task(registry, registry.get("birds_species"), update_snapshot=True) == []
    assert validate_task(registry, registry.get("birds_species")) == []
    assert pyproject.read_text() == '[project]\nname = "acme"\n'
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            str(package / "birds" / "test_reader.py")],
                           cwd=tmp_path, capture_output=True, text=True)
    assert tests.returncode == 0, tests.stdout + tests.stderr


def test_new_task_needs_its_dataset_and_good_names(tmp_path: Path) -> None:
    with pytest.raises(VisionFlanError, match="create it first with `vf-tasks new birds`"):
        scaffold_task("birds", "species", package_dir=tmp_path)
    (tmp_path / "birds").mkdir()
    (tmp_path / "birds" / "dataset.yaml").write_text("id: birds\n")
    with pytest.raises(VisionFlanError, match="must match"):
        scaffold_task("birds", "Bad-Name", package_dir=tmp_path)
    scaffold_task("birds", "species", package_dir=tmp_path)
    with pytest.raises(VisionFlanError, match="already exists"):
        scaffold_task("birds", "species", package_dir=tmp_path)
