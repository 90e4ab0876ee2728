"""The HICO reader picks the first positive HOI, reports broken matrices, and without scipy gives the hint."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
ACTIVITY = "hico_human_activity_detection"
OBJECT = "hico_object_classification"


def test_first_positive_hoi() -> None:
    pytest.importorskip("scipy")
    records, problems = read_task(ACTIVITY, FIXTURE)
    assert problems == []
    fields = {r.id: r.fields for r in records}
    assert fields["HICO_train2015_00031131.jpg"] == {"action": "holding", "object": "skateboard"}
    assert fields["HICO_train2015_00000001.jpg"] == {"action": "operating", "object": "hair drier"}
    assert "HICO_train2015_00031132.jpg" not in fields  # no_interaction only
    records, problems = read_task(OBJECT, FIXTURE)
    assert problems == [] and len(records) == 6
    assert {r.id: r.label for r in records}["HICO_test2015_00007901.jpg"] == "backpack"


def test_missing_image_and_bad_matrix(tmp_path: Path) -> None:
    np = pytest.importorskip("numpy")
    scipy_io = pytest.importorskip("scipy.io")
    root = copy_fixture(FIXTURE, tmp_path, "hico") / "hico_20150920"
    (root / "images" / "train2015" / "HICO_train2015_00031131.jpg").unlink()
    anno = scipy_io.loadmat(root / "anno.mat")
    anno["anno_test"] = np.ones((6, 2))
    scipy_io.savemat(root / "anno.mat", {k: v for k, v in anno.items() if not k.startswith("__")})
    records, problems = read_task(OBJECT, root.parent)
    assert [r.id for r in records] == ["HICO_train2015_00000001.jpg", "HICO_train2015_00031132.jpg"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("hico_20150920/anno.mat", "HICO_train2015_00031131.jpg", "image"),
        ("hico_20150920/anno.mat", None, "anno_test")]


def test_without_scipy_the_reader_stops_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "scipy.io", None)  # what an install without the extra does on import
    records, problems = read_task(OBJECT, FIXTURE)
    assert records == [] and "pip install 'visionflan[mat]'" in problems[0].message
