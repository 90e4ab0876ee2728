"""The CLIs with bad input and faults: one-line errors, non-zero exits, nothing done before checks."""

from __future__ import annotations

import errno
import io
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rich.console import Console

from visionflan_core import cli as core_cli
from visionflan_core import cli_check, cli_tasks
from visionflan_core.cli import cli, rich_table
from visionflan_core.export import cli as export_cli
from visionflan_core.export import hub
from visionflan_core.export.writers.jsonl import JsonlWriter
from visionflan_core.registry import Registry

from .conftest import TASKS, export


@pytest.fixture
def runner(registry: Registry, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setattr(export_cli, "discover", lambda strict=False: registry)
    monkeypatch.setattr(cli_tasks, "registry_of", lambda ctx: registry)
    monkeypatch.setattr(cli_check, "registry_of", lambda ctx: registry)
    return CliRunner()


def _main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
          *args: str) -> tuple[int, str, str]:
    """``vf-tasks ARGS`` through the console entry point (its one-line error handling included)."""
    monkeypatch.setattr(sys, "argv", ["vf-tasks", *args])
    with pytest.raises(SystemExit) as done:
        core_cli.main()
        sys.exit(0)
    out = capsys.readouterr()
    return int(done.value.code or 0), out.out, out.err


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("vf-tasks 0.")


@pytest.mark.parametrize(("args", "message"), [
    (["--data-root", "/no/such/folder", "--mixture", "vision-flan"], "does not exist"),
    (["--max-side", "-5"], "--max-side"),
    (["--max-side", "0"], "--max-side"),
    (["--max-pixels", "0"], "--max-pixels"),
    (["--max-pixels", str(1 << 40)], "--max-pixels"),
    (["--workers", "0"], "--workers"),
    (["--num-partitions", "2", "--push-to-hub", "me/x"], "after `vf-tasks merge`"),
])
def test_bad_options_are_usage_errors_before_any_work(runner: CliRunner, tmp_path: Path,
                                                      args: list[str], message: str) -> None:
    result = runner.invoke(cli, ["export", str(tmp_path / "out"), *args])
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "out").exists()


class _OfflineApi:
    def __init__(self, token: str | None = None) -> None:
        pass

    def whoami(self) -> dict[str, Any]:
        raise ConnectionError("offline mode is enabled")


def test_push_to_hub_checks_the_hub_before_any_work(runner: CliRunner, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hub, "HfApi", _OfflineApi)
    result = runner.invoke(cli, ["export", str(tmp_path / "out"), "--push-to-hub", "me/x"])
    assert result.exit_code != 0 and "cannot use the hub" in str(result.exception)
    assert "\n" not in str(result.exception)
    assert not (tmp_path / "out").exists()


def test_a_misspelt_task_in_a_mixture_file_fails_with_suggestions(
    runner: CliRunner, tmp_path: Path, data_root: Path
) -> None:
    mixture = tmp_path / "mix.yaml"
    mixture.write_text("name: mine\nselect: {include: [fake_alfa, fake_beta]}\n")
    result = runner.invoke(cli, ["export", str(tmp_path / "out"), "--mixture", str(mixture),
                                 "--data-root", str(data_root)])
    assert result.exit_code == 1 and "did you mean fake_alpha" in str(result.exception)
    assert not (tmp_path / "out" / "COMPLETED").exists()


def test_dry_run_prints_counts_and_writes_nothing(runner: CliRunner, tmp_path: Path,
                                                 data_root: Path) -> None:
    result = runner.invoke(cli, ["export", str(tmp_path / "out"), "--mixture", "vision-flan",
                                 "--data-root", str(data_root), "--cap", "10", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "fake_alpha" in result.output and "total: 47 available, 25 planned" in result.output
    assert not (tmp_path / "out").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(cli, ["export", str(tmp_path / "out"), "--mixture", "vision-flan",
                                 "--data-root", str(empty), "--dry-run"])
    assert result.exit_code == 1 and "nothing to export" in str(result.exception)


def test_os_errors_are_one_line_with_path_and_errno(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(export_cli, "discover", lambda strict=False: registry)
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    code, _, err = _main(monkeypatch, capsys, "export", str(blocker / "out"))
    assert code == 1 and err.count("\n") == 1 and "ENOTDIR" in err and str(blocker) in err


def test_a_full_disk_leaves_no_partial_file_of_any_format(
    registry: Registry, data_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: JsonlWriter, record: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(self.temporary))

    monkeypatch.setattr(JsonlWriter, "add", full)
    out = tmp_path / "out"
    with pytest.raises(Exception, match=r"ENOSPC") as raised:
        export(registry, out, data_root=data_root, cap=2,
               formats=("llava", "webdataset", "parquet", "jsonl"))
    assert "\n" not in str(raised.value)
    leftovers = [p for p in out.rglob("*") if p.name.endswith(".partial") or ".tmp-" in p.name]
    assert leftovers == [] and not (out / "COMPLETED").exists()


def test_list_on_80_columns_shows_whole_ids_and_json_keys_have_no_spaces(runner: CliRunner) -> None:
    rows = [["inaturalist_latin_english_name_classification", "INATURALIST+latin_english_name_"
             "classification", "Fine-Grained Species Classification", "inaturalist"]]
    buffer = io.StringIO()
    Console(file=buffer, width=80, force_terminal=True).print(
        rich_table(["id", "release name", "category", "dataset"], rows))
    assert "inaturalist_latin_english_name_classification" in buffer.getvalue()
    result = CliRunner().invoke(cli, ["list", "--json"])
    assert result.exit_code == 0
    keys = {key for row in json.loads(result.output) for key in row}
    assert "release_name" in keys and not any(" " in key for key in keys)


@pytest.mark.parametrize("count", ["0", "-1"])
def test_show_refuses_counts_below_one(runner: CliRunner, count: str) -> None:
    result = runner.invoke(cli, ["show", "fake_alpha", "-n", count])
    assert result.exit_code == 2 and "-n" in result.output


def test_show_checks_every_id_before_rendering(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["show", "fake_alpha", "fake_betta", "--json"])
    assert result.exit_code != 0 and "fake_betta" in str(result.exception)
    assert "did you mean fake_beta" in str(result.exception)
    assert result.stdout == ""  # fake_alpha was not rendered first


def _break_reader(registry: Registry, task_id: str) -> Callable[[], None]:
    task = registry.load(task_id)
    old = task.__dict__.get("reader")

    def explode(*_: Any, **__: Any) -> Any:
        raise RuntimeError("reader exploded")

    task.__dict__["reader"] = explode

    def restore() -> None:
        if old is None:
            task.__dict__.pop("reader", None)
        else:
            task.__dict__["reader"] = old
    return restore


def test_show_and_validate_all_go_on_past_a_task_that_raises(runner: CliRunner,
                                                            registry: Registry) -> None:
    restore = _break_reader(registry, "fake_beta")
    try:
        shown = runner.invoke(cli, ["show", "--all", "-n", "1", "--json"])
        assert shown.exit_code == 1
        ids = {json.loads(line)["task_id"] for line in shown.stdout.splitlines()}
        assert ids == {"fake_alpha", "fake_gamma"}
        assert "fake_beta" in shown.stderr and "RuntimeError: reader exploded" in shown.stderr
        strict = runner.invoke(cli, ["show", "--all", "-n", "1", "--json", "--strict"])
        assert strict.exit_code == 1 and "fake_gamma" not in strict.stdout
        validated = runner.invoke(cli, ["validate", "--all"])
        assert validated.exit_code == 1
        assert re.search(r"fake_beta: .*RuntimeError: reader exploded", validated.stdout), validated.stdout
    finally:
        restore()


def test_check_reports_missing_and_malformed_data_with_full_paths(
    runner: CliRunner, data_root: Path, tmp_path: Path
) -> None:
    result = runner.invoke(cli, ["check", "--data-root", str(data_root)])
    assert result.exit_code == 0, result.output
    assert all(f"{task}: ok" in result.stdout for task in TASKS)
    root = tmp_path / "data"
    (root / "coco").mkdir(parents=True)
    (root / "coco" / "records.json").write_text(json.dumps(
        [{"id": "1", "images": ["gone.png"], "label": "cat"}]))
    result = runner.invoke(cli, ["check", "--data-root", str(root), "fake_alpha", "fake_beta"])
    assert result.exit_code == 1
    assert str(root.resolve() / "coco" / "gone.png") in result.stdout
    assert str(root.resolve() / "pacs") in result.stdout and "data folder missing" in result.stdout
    assert "2 task(s), 0 ok" in result.stderr
    assert not list(root.rglob("*.json*"))[1:]  # nothing written beside the one input
