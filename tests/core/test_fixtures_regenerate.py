"""Every dataset's ``make_fixture.py`` rebuilds its committed ``fixture/`` byte for byte.

A fixture edited by hand, or a script changed without rerunning it, drifts silently otherwise;
writing into a temporary folder also catches data that depends on where the fixture lives.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from visionflan_core.testing import assert_fixture_regenerates

TASKS = Path(__file__).resolve().parents[2] / "tasks"
SCRIPTS = sorted(TASKS.glob("*/make_fixture.py"))


def test_every_dataset_folder_has_a_fixture_script() -> None:
    datasets = sorted(p.parent.name for p in TASKS.glob("*/dataset.yaml"))
    assert datasets, f"no dataset folders found under {TASKS}"
    missing = [d for d in datasets if not (TASKS / d / "make_fixture.py").is_file()]
    assert missing == [], f"dataset folders without make_fixture.py: {missing}"


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.parent.name for s in SCRIPTS])
def test_make_fixture_rebuilds_the_committed_fixture(script: Path, tmp_path: Path) -> None:
    assert_fixture_regenerates(script, tmp_path)
