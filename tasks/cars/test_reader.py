"""The Cars reader reads the devkit MAT-files, reports bad annotations, and without scipy gives the hint."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"
MODEL = "cars_car_classification"
BRAND = "cars_car_brand_classification"


def test_models_brands_and_ids() -> None:
    pytest.importorskip("scipy")
    records, problems = read_task(BRAND, FIXTURE)
    assert problems == []
    assert [(r.id, r.label) for r in records] == [
        ("00001", "GMC"), ("06239", "Aston Martin"), ("07000", "AM General"), ("08025", "GMC"),
        ("08144", "Rolls-Royce")]
    records, _ = read_task(MODEL, FIXTURE)
    assert records[3].label == "GMC Savana Van 2012"


def test_bad_class_missing_image_and_missing_file(tmp_path: Path) -> None:
    np = pytest.importorskip("numpy")
    scipy_io = pytest.importorskip("scipy.io")
    root = copy_fixture(FIXTURE, tmp_path, "cars")
    annos = root / "devkit" / "cars_train_annos.mat"
    annotations = scipy_io.loadmat(annos)["annotations"]
    annotations[0, 1]["class"] = np.array([[197]], dtype=np.uint8)
    scipy_io.savemat(annos, {"annotations": annotations})
    (root / "cars_train" / "08144.jpg").unlink()
    records, problems = read_task(MODEL, root)
    assert [r.id for r in records] == ["00001", "07000", "08025"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("devkit/cars_train_annos.mat", "1", "class"), ("devkit/cars_train_annos.mat", "4", "image")]
    (root / "devkit" / "cars_meta.mat").unlink()
    records, problems = read_task(MODEL, root)
    assert records == [] and [p.file for p in problems] == ["devkit/cars_meta.mat"]


def test_without_scipy_the_reader_stops_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "scipy.io", None)  # what an install without the extra does on import
    records, problems = read_task(MODEL, FIXTURE)
    assert records == [] and "pip install 'visionflan[mat]'" in problems[0].message
