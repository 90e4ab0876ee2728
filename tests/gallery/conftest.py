"""A fake task world for gallery tests (the export tests' reader, which takes image references as
given, so records can point outside their root), and a real headless Chromium where one exists."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

from visionflan_core.registry import Registry, discover
from visionflan_core.scaffold import ensure_package

from ..export.conftest import DATASET_YAML, READER, TASK_YAML, write_records

PACKAGE = "vf_gallery_fake_tasks"
# task id -> (dataset, category, release name, records under --data-root)
TASKS = {
    "fake_alpha": ("coco", "General Object", "FAKE+alpha", 4),
    "fake_beta": ("pacs", "Perception", "FAKE+beta", 2),
    "fake_gamma": ("domain_net", "Scene Classification", "FAKE+gamma", 3),
}


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """Three dataset folders with one task each, their fixtures, and a clean data root."""
    project = tmp_path_factory.mktemp("gallery-project")
    package = project / PACKAGE
    ensure_package(package)
    for task, (dataset, category, release, _) in TASKS.items():
        folder = package / dataset
        (folder / task).mkdir(parents=True)
        (folder / "dataset.yaml").write_text(DATASET_YAML.format(dataset=dataset))
        (folder / "reader.py").write_text(READER)
        (folder / task / "task.yaml").write_text(
            TASK_YAML.format(task=task, release=release, category=category))
        (folder / task / "instruction.jinja").write_text("What is shown in the image?\n")
        write_records(folder / "fixture", task, 3)
    data_root = project / "data"
    for task, (dataset, _, _, count) in TASKS.items():
        write_records(data_root / dataset, task, count, size=(300, 200))
    sys.path.insert(0, str(project))
    try:
        yield {"project": project, "data_root": data_root}
    finally:
        sys.path.remove(str(project))
        sys.modules.pop(PACKAGE, None)


@pytest.fixture(scope="session")
def registry(world: dict[str, Path]) -> Registry:
    points = [EntryPoint(name=PACKAGE, value=f"{PACKAGE}:plugin", group="visionflan.tasks")]
    found = discover(group_entry_points=points, use_cache=False)
    assert sorted(found.entries) == sorted(TASKS), found.broken
    return found


@pytest.fixture(scope="session")
def data_root(world: dict[str, Path]) -> Path:
    return world["data_root"]


def add_records(root: Path, records: list[dict[str, Any]]) -> None:
    """Append raw records to a dataset folder's ``records.json``."""
    file = root / "records.json"
    file.write_text(json.dumps([*json.loads(file.read_text()), *records]))


# --- a real browser -------------------------------------------------------------------------

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> tuple[str, str] | None:
    """(browser, chromedriver) on PATH (``VF_CHROMIUM``/``VF_CHROMEDRIVER`` override), or None."""
    names = [os.environ["VF_CHROMIUM"]] if os.environ.get("VF_CHROMIUM") else BROWSERS
    browser = next(filter(None, map(shutil.which, names)), None)
    driver = shutil.which(os.environ.get("VF_CHROMEDRIVER") or "chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium driven through Selenium and Debian's matching chromium-driver.

    Outside CI a machine without them skips the browser tests, saying so; in CI (``CI=true``),
    where ``.ci/run`` installs them, a missing browser is a failure.
    """
    in_ci = os.environ.get("CI", "").lower() == "true"
    found = find_browser()
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        found = None
    if found is None:
        message = ("no headless Chromium for the gallery's browser test: install Debian's chromium and "
                   "chromium-driver (apt-get install chromium chromium-driver) and the 'browser' extra "
                   "(pip install 'visionflan[browser]')")
        if in_ci:
            pytest.fail(f"CI=true: {message}")
        pytest.skip(message)
    binary, driver_path = found
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000", "--hide-scrollbars", "--no-first-run"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        yield driver
    finally:
        driver.quit()
