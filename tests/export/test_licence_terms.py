"""Machine-readable licence terms: listed, stated in the card, and a training-forbidden dataset stops
an export unless the user acknowledges it by name."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from visionflan_core.cli import cli
from visionflan_core.export import cli as export_cli
from visionflan_core.export.errors import ExportError
from visionflan_core.export.pipeline import plan_export, run_export
from visionflan_core.export.progress import Reporter
from visionflan_core.export.settings import Settings
from visionflan_core.export.task_source import RegistrySource
from visionflan_core.registry import Registry, Terms, discover
from visionflan_core.scaffold import ensure_package

from .conftest import READER, TASK_YAML, spec_of, write_records

PACKAGE = "vf_terms_fake_tasks"
DATASET_YAML = """\
id: {dataset}
name: {name}
license: {license}
{terms}download: nowhere
layout: records.json and images/<task>/<n>.png
format_notes: a test dataset
reader: ./reader.py:read
fields: [class_name]
contributors: [tests]
"""
CLOSED = "terms: {training: forbidden, redistribution: forbidden, access: registration}\n"
OPEN = "terms: {training: allowed, redistribution: allowed, access: public}\n"
# dataset id -> (name, licence, terms block, task id)
DATASETS = {
    "closedset": ("ClosedSet", "Evaluation only, no training", CLOSED, "closed_task"),
    "openset": ("OpenSet", "CC BY 4.0", OPEN, "open_task"),
    "quietset": ("QuietSet", "see the homepage", "", "quiet_task"),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Registry, Path]]:
    project = tmp_path_factory.mktemp("terms-project")
    ensure_package(project / PACKAGE)
    data_root = project / "data"
    for dataset, (name, licence, terms, task) in DATASETS.items():
        folder = project / PACKAGE / dataset
        (folder / task).mkdir(parents=True)
        (folder / "dataset.yaml").write_text(
            DATASET_YAML.format(dataset=dataset, name=name, license=licence, terms=terms))
        (folder / "reader.py").write_text(READER)
        (folder / task / "task.yaml").write_text(TASK_YAML.format(
            task=task, release=f"TERMS+{task}", category="General Object"))
        (folder / task / "instruction.jinja").write_text("What is shown in the image?\n")
        write_records(folder / "fixture", task, 3)
        write_records(data_root / dataset, task, 4)
    sys.path.insert(0, str(project))
    try:
        points = [EntryPoint(name=PACKAGE, value=f"{PACKAGE}:plugin", group="visionflan.tasks")]
        registry = discover(group_entry_points=points, use_cache=False)
        assert registry.broken == [] and len(registry) == 3
        yield registry, data_root
    finally:
        sys.path.remove(str(project))
        sys.modules.pop(PACKAGE, None)


def _export(world: tuple[Registry, Path], out: Path, *, acknowledge: frozenset[str] = frozenset(),
            **spec_fields: Any) -> dict[str, Any] | None:
    registry, data_root = world
    spec = spec_of(**spec_fields)
    source = RegistrySource(registry, spec, None if spec.fixtures else data_root)
    settings = Settings(shard_size=50, acknowledge_terms=acknowledge)
    return run_export(source, spec, out, settings, reporter=Reporter(enabled=False))


def test_terms_are_typed_listed_and_default_to_unknown(world: tuple[Registry, Path]) -> None:
    datasets = world[0].datasets()
    assert datasets["closedset"].terms == Terms("forbidden", "forbidden", "registration")
    assert datasets["openset"].terms.training == "allowed"
    assert datasets["quietset"].terms == Terms("unknown", "unknown", "unknown")


def test_an_unknown_term_value_is_a_broken_dataset(tmp_path: Path) -> None:
    package = tmp_path / "vf_terms_bad"
    ensure_package(package)
    folder = package / "badset"
    (folder / "t").mkdir(parents=True)
    (folder / "dataset.yaml").write_text(DATASET_YAML.format(
        dataset="badset", name="Bad", license="x", terms="terms: {training: maybe}\n"))
    sys.path.insert(0, str(tmp_path))
    try:
        points = [EntryPoint(name="vf_terms_bad", value="vf_terms_bad:plugin", group="visionflan.tasks")]
        registry = discover(group_entry_points=points, use_cache=False)
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("vf_terms_bad", None)
    assert [b.name for b in registry.broken] == ["badset"]
    assert "field terms.training" in registry.broken[0].reason


def test_a_training_forbidden_dataset_stops_the_export_before_any_work(
        world: tuple[Registry, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ExportError) as raised:
        _export(world, out)
    message = str(raised.value)
    assert "\n" not in message
    assert ("closedset (ClosedSet: training forbidden, redistribution forbidden, access registration; "
            "licence: Evaluation only, no training)") in message
    assert "--acknowledge-terms closedset" in message
    assert "openset" not in message and "quietset" not in message
    assert not out.exists()
    registry, data_root = world
    spec = spec_of()
    with pytest.raises(ExportError, match="closedset"):  # --dry-run says so too
        plan_export(RegistrySource(registry, spec, data_root), spec, Settings())


def test_holding_the_dataset_out_or_acknowledging_it_lets_the_export_run(
        world: tuple[Registry, Path], tmp_path: Path) -> None:
    held = _export(world, tmp_path / "held", holdout={"tasks": ["closed_task"]})
    assert held is not None and held["totals"]["written"] == 8
    info = _export(world, tmp_path / "ack", acknowledge=frozenset({"closedset"}))
    assert info is not None and info["totals"]["written"] == 12
    assert info["settings"]["acknowledged_terms"] == ["closedset"]
    card = (tmp_path / "ack" / "README.md").read_text()
    assert ("| ClosedSet | - | Evaluation only, no training | forbidden (acknowledged by the exporter: "
            "--acknowledge-terms) | forbidden | registration |") in card
    assert "| OpenSet | - | CC BY 4.0 | allowed | allowed | public |" in card
    assert "| QuietSet | - | see the homepage | unknown | unknown | unknown |" in card


def test_fixture_exports_are_exempt_and_still_state_the_terms(
        world: tuple[Registry, Path], tmp_path: Path) -> None:
    info = _export(world, tmp_path / "demo", fixtures=True)
    assert info is not None and "acknowledged_terms" not in info["settings"]
    card = (tmp_path / "demo" / "README.md").read_text()
    assert "| ClosedSet | - | Evaluation only, no training | forbidden | forbidden | registration |" in card


def test_the_cli_flag_acknowledges_by_dataset_id(world: tuple[Registry, Path], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    registry, data_root = world
    monkeypatch.setattr(export_cli, "discover", lambda strict=False: registry)
    runner = CliRunner()
    args = ["export", str(tmp_path / "out"), "--mixture", "vision-flan", "--data-root", str(data_root)]
    refused = runner.invoke(cli, args)
    assert refused.exit_code == 1 and "--acknowledge-terms closedset" in str(refused.exception)
    done = runner.invoke(cli, [*args, "--acknowledge-terms", "closedset"])
    assert done.exit_code == 0, done.output
    assert "forbidden (acknowledged" in (tmp_path / "out" / "README.md").read_text()
