"""``vf-tasks export`` / ``merge`` end to end through click, and the hub push with a mocked API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from visionflan_core.cli import cli
from visionflan_core.errors import VisionFlanError
from visionflan_core.export import cli as export_cli
from visionflan_core.export import hub
from visionflan_core.registry import Registry

from .conftest import tree


class FakeApi:
    """Records calls the way tests need; never touches the network."""

    def __init__(self, token: str | None = None) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        FakeApi.last = self

    last: FakeApi

    def whoami(self) -> dict[str, Any]:
        return {"name": "me", "auth": {"accessToken": {"role": "write"}}}

    def create_repo(self, repo_id: str, **kwargs: Any) -> None:
        self.calls.append(("create_repo", {"repo_id": repo_id, **kwargs}))

    def upload_folder(self, **kwargs: Any) -> Any:
        self.calls.append(("upload_folder", kwargs))
        return type("Commit", (), {"commit_url": f"https://hf.co/datasets/{kwargs['repo_id']}/c/1"})


@pytest.fixture
def runner(registry: Registry, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setattr(export_cli, "discover", lambda strict=False: registry)
    monkeypatch.setattr(hub, "HfApi", FakeApi)
    return CliRunner()


def _ok(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_demo_export_partitions_merge_and_push(runner: CliRunner, tmp_path: Path) -> None:
    common = ["--format", "llava,webdataset", "--shard-size", "2"]
    _ok(runner, "export", str(tmp_path / "one"), *common, "--workers", "2")
    info = json.loads((tmp_path / "one" / "info.json").read_text())
    assert info["name"] == "vision-flan-demo" and info["totals"]["written"] == 9
    for index in range(2):
        _ok(runner, "export", str(tmp_path / f"p{index}"), *common, "--num-partitions", "2",
            "--partition-index", str(index))
    _ok(runner, "merge", str(tmp_path / "merged"), str(tmp_path / "p0"), str(tmp_path / "p1"),
        "--push-to-hub", "me/demo", "--hub-private")
    assert tree(tmp_path / "merged") == tree(tmp_path / "one")
    (create, create_args), (upload, upload_args) = FakeApi.last.calls
    assert (create, create_args["repo_type"], create_args["private"]) == ("create_repo", "dataset",
                                                                          True)
    assert upload == "upload_folder" and upload_args["folder_path"] == str(tmp_path / "merged")
    assert ".parts/*" in upload_args["ignore_patterns"]


def test_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["export", str(tmp_path / "o"), "--mixture", "vision-flan"])
    assert result.exit_code == 2 and "--data-root" in result.output
    result = runner.invoke(cli, ["export", str(tmp_path / "o"), "--format", "tiff"])
    assert result.exit_code == 2 and "unknown" in result.output
    result = runner.invoke(cli, ["export", str(tmp_path / "o"), "--num-partitions", "2",
                                 "--partition-index", "2"])
    assert result.exit_code == 2


def test_stage_two_mixture_runs_offline_from_the_bundled_sample(runner: CliRunner,
                                                                  tmp_path: Path) -> None:
    _ok(runner, "export", str(tmp_path / "llava"), "--mixture", "llava-gpt4-1k")
    assert json.loads((tmp_path / "llava" / "info.json").read_text())["totals"]["written"] == 12


def test_push_refuses_an_unfinished_export(tmp_path: Path) -> None:
    with pytest.raises(VisionFlanError, match="COMPLETED"):
        hub.push_to_hub(tmp_path, "me/x", api=FakeApi())
