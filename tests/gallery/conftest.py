"""A fake task world for gallery tests (the export tests' reader, which takes image references as
given, so records can point outside their root), and a real headless Chromium where one exists."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from visionflan_core.registry import Registry

from ..export.conftest import fake_registry, fake_world

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
    with fake_world(tmp_path_factory.mktemp("gallery-project"), PACKAGE, TASKS, size=(300, 200)) as made:
        yield made


@pytest.fixture(scope="session")
def registry(world: dict[str, Path]) -> Registry:
    return fake_registry(PACKAGE, TASKS)


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
