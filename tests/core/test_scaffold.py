"""`vf-tasks new` scaffolds a folder that validates, and registers its entry point."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from visionflan_core.cli import cli
from visionflan_core.errors import VisionFlanError
from visionflan_core.registry import discover
from visionflan_core.scaffold import scaffold_task
from visionflan_core.validate import validate_task

from .conftest import entry_point


def test_new_task_validates_and_is_registered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "acme"\nversion = "0.1.0"\n')
    result = CliRunner().invoke(
        cli, ["new", "acme_birds", "--project-dir", str(tmp_path), "--package", "acme_scaffold"]
    )
    assert result.exit_code == 0, result.output
    project = tomllib.loads((tmp_path / "pyproject.toml").read_text())
    points = project["project"]["entry-points"]["visionflan.tasks"]
    assert points == {"acme_birds": "acme_scaffold:acme_birds"}

    monkeypatch.syspath_prepend(str(tmp_path))
    registry = discover(group_entry_points=[entry_point("acme_birds", points["acme_birds"])])
    assert validate_task(registry, registry.get("acme_birds"), update_snapshot=True) == []
    assert validate_task(registry, registry.get("acme_birds")) == []


def test_entry_point_is_added_to_existing_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[project.entry-points."visionflan.tasks"]\n'
        'old = "pkg:old"\n\n[tool.other]\nkey = 1\n'
    )
    scaffold_task("fresh", project_dir=tmp_path, package="pkg")
    data = tomllib.loads((tmp_path / "pyproject.toml").read_text())
    assert data["project"]["entry-points"]["visionflan.tasks"] == {"old": "pkg:old", "fresh": "pkg:fresh"}
    assert data["tool"]["other"] == {"key": 1}
    with pytest.raises(VisionFlanError, match="already exists"):
        scaffold_task("fresh", project_dir=tmp_path, package="pkg")


def test_new_rejects_bad_ids(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    with pytest.raises(VisionFlanError, match="must match"):
        scaffold_task("Bad-Id", project_dir=tmp_path)


def test_new_refuses_unknown_dataset_and_names_the_fix(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    with pytest.raises(VisionFlanError, match=r"unknown dataset 'acme_shapes'.*source_datasets\.yaml"):
        scaffold_task("t", project_dir=tmp_path, package="pkg", dataset="acme_shapes")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "source_datasets.yaml").write_text("acme_shapes: {name: A, license: CC0}\n")
    folder, _ = scaffold_task("t", project_dir=tmp_path, package="pkg", dataset="acme_shapes")
    assert (folder / "task.yaml").read_text().count("dataset: acme_shapes") == 1
