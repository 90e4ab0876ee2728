"""Every dataset's ``make_fixture.py`` rebuilds its committed ``fixture/`` byte for byte.

A fixture edited by hand, or a script changed without rerunning it, drifts silently otherwise;
writing into a temporary folder also catches data that depends on where the fixture lives.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest

TASKS = Path(__file__).resolve().parents[2] / "tasks"
SCRIPTS = sorted(TASKS.glob("*/make_fixture.py"))


def _load_make_fixture(script: Path) -> Callable[[Path], None]:
    name = f"_visionflan_make_fixture_{script.parent.name}"
    spec = importlib.util.spec_from_file_location(name, script)
    assert spec is not None and spec.loader is not None, f"cannot load {script}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return cast(Callable[[Path], None], module.make_fixture)


def _files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}


def test_every_dataset_folder_has_a_fixture_script() -> None:
    datasets = sorted(p.parent.name for p in TASKS.glob("*/dataset.yaml"))
    assert datasets, f"no dataset folders found under {TASKS}"
    missing = [d for d in datasets if not (TASKS / d / "make_fixture.py").is_file()]
    assert missing == [], f"dataset folders without make_fixture.py: {missing}"


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.parent.name for s in SCRIPTS])
def test_make_fixture_rebuilds_the_committed_fixture(script: Path, tmp_path: Path) -> None:
    committed = script.parent / "fixture"
    root = tmp_path / "fixture"
    root.mkdir()
    _load_make_fixture(script)(root)
    made, kept = _files(root), _files(committed)
    assert sorted(made) == sorted(kept), (
        f"{script.parent.name}: only made {sorted(set(made) - set(kept))}, "
        f"only committed {sorted(set(kept) - set(made))}")
    differing = [name for name in sorted(made) if made[name].read_bytes() != kept[name].read_bytes()]
    assert not differing, (
        f"{script.parent.name}: {differing[0]} differs from the committed copy "
        f"({len(differing)} file(s) in all); rerun .venv/bin/python {script.relative_to(TASKS.parent)}")
