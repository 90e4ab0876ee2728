"""Data loss: --overwrite, --resume and merge only ever delete what is recognisably an export of ours."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from visionflan_core.errors import VisionFlanError
from visionflan_core.export.merge import merge_partitions
from visionflan_core.export.output_dir import prepare_output
from visionflan_core.export.settings import RunOptions
from visionflan_core.registry import Registry

from .conftest import export

SMALL = {"cap": 2}


def _user_folder(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "thesis.tex").write_text("precious")
    (path / ".draft.partial").write_text("also the user's")
    return path


@pytest.mark.parametrize("mode", ["overwrite", "resume", "plain"])
def test_a_folder_that_is_not_an_export_is_never_touched(
    registry: Registry, data_root: Path, tmp_path: Path, mode: str
) -> None:
    out = _user_folder(tmp_path / "mine")
    options = RunOptions(overwrite=mode == "overwrite", resume=mode == "resume")
    with pytest.raises(VisionFlanError, match=r"not a vf-tasks export|not empty") as raised:
        export(registry, out, data_root=data_root, options=options, **SMALL)
    assert "\n" not in str(raised.value)
    assert sorted(p.name for p in out.iterdir()) == [".draft.partial", "thesis.tex"]


def test_merge_refuses_a_folder_that_is_not_an_export(
    registry: Registry, data_root: Path, tmp_path: Path
) -> None:
    part = tmp_path / "p0"
    export(registry, part, data_root=data_root, options=RunOptions(num_partitions=1), **SMALL)
    out = _user_folder(tmp_path / "mine")
    with pytest.raises(VisionFlanError, match="not a vf-tasks export"):
        merge_partitions(out, [part], overwrite=True)
    assert (out / "thesis.tex").read_text() == "precious"


@pytest.mark.parametrize("where", ["cwd", "home", "root"])
def test_overwrite_never_deletes_cwd_home_or_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    folder = _user_folder(tmp_path / "place")
    (folder / ".parts").mkdir()
    (folder / ".parts" / "EXPORT").write_text("even marked as ours")
    monkeypatch.chdir(folder)
    monkeypatch.setenv("HOME", str(folder))
    target = {"cwd": Path("."), "home": Path("~").expanduser(), "root": Path("/")}[where]
    with pytest.raises(VisionFlanError, match="refusing --overwrite"):
        prepare_output(target, resume=False, overwrite=True)
    assert (folder / "thesis.tex").is_file()


def test_overwrite_never_deletes_a_folder_holding_an_input(
    registry: Registry, data_root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    export(registry, out, data_root=data_root, **SMALL)
    nested = out / "inputs" / "release.json"
    nested.parent.mkdir()
    nested.write_text("[]")
    with pytest.raises(VisionFlanError, match="holds an input"):
        prepare_output(out, resume=False, overwrite=True, inputs=[nested])
    with pytest.raises(VisionFlanError, match="holds an input"):
        prepare_output(out, resume=False, overwrite=True, inputs=[out])
    assert nested.is_file()


def test_overwrite_and_resume_work_on_our_own_export(
    registry: Registry, data_root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    export(registry, out, data_root=data_root, **SMALL)
    (out / "llava" / ".shard-00000.json.partial").write_text("[")
    export(registry, out, data_root=data_root, options=RunOptions(resume=True), **SMALL)
    assert not (out / "llava" / ".shard-00000.json.partial").exists()
    stray = out / "stray.txt"
    stray.write_text("x")
    export(registry, out, data_root=data_root, options=RunOptions(overwrite=True), **SMALL)
    assert not stray.exists() and (out / "COMPLETED").is_file()
    assert os.path.isfile(out / ".parts" / "EXPORT")
