"""The gallery of every built-in task in a real headless Chromium: images load, the filter narrows.

Screenshots go to the test's temporary folder. The site is built twice from the bundled fixtures
and compared byte for byte.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from visionflan_core.gallery import GalleryOptions, GalleryResult, gallery_of_registry
from visionflan_core.registry import Registry, discover

from ..export.conftest import tree

# Scrolls every <img> into view (they are lazy), waits for it, and decodes every linked full image;
# returns the counts and every source whose natural width is 0 (not loaded or not decodable).
IMAGES_LOADED = """
const done = arguments[arguments.length - 1];
const settle = (img) => img.complete ? Promise.resolve() : new Promise((resolve) => {
  img.addEventListener("load", resolve, {once: true});
  img.addEventListener("error", resolve, {once: true});
});
(async () => {
  const bad = [];
  for (const img of Array.from(document.images)) {
    img.scrollIntoView({block: "center"});
    await settle(img);
    if (!img.naturalWidth) { bad.push(img.getAttribute("src")); }
  }
  const links = Array.from(document.querySelectorAll("figure a[href]")).map((a) => a.getAttribute("href"));
  for (const href of links) {
    const probe = new Image();
    probe.src = href;
    try { await probe.decode(); } catch (error) { /* counted below */ }
    if (!probe.naturalWidth) { bad.push(href); }
  }
  window.scrollTo(0, 0);
  done({images: document.images.length, full: links.length, bad: bad});
})();
"""
VISIBLE_ROWS = """
return Array.from(document.querySelectorAll("#tasks tbody tr")).filter((r) => !r.hidden)
  .map((r) => [r.dataset.category, r.dataset.dataset, r.cells[1].querySelector("a").textContent]);
"""


@pytest.fixture(scope="module")
def builtins() -> Registry:
    return discover()


@pytest.fixture(scope="module")
def site(builtins: Registry, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GalleryResult]:
    out = tmp_path_factory.mktemp("builtin-gallery") / "site"
    return out, gallery_of_registry(out, builtins, options=GalleryOptions(count=3))


def _images_loaded(browser: Any) -> dict[str, Any]:
    browser.set_script_timeout(60)
    result: dict[str, Any] = browser.execute_async_script(IMAGES_LOADED)
    return result


def test_builtin_gallery_is_whole_and_byte_identical(builtins: Registry, site: tuple[Path, GalleryResult],
                                                     tmp_path: Path) -> None:
    out, result = site
    assert (result.tasks, result.failed, result.problems) == (len(builtins), [], [])
    assert result.examples >= 2 * len(builtins)
    again = gallery_of_registry(tmp_path / "again", builtins, options=GalleryOptions(count=3))
    assert again.images == result.images
    assert tree(tmp_path / "again") == tree(out)


def test_index_loads_every_image_and_filters(browser: Any, builtins: Registry,
                                             site: tuple[Path, GalleryResult], tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    out, _ = site
    browser.get((out / "index.html").as_uri())
    browser.save_screenshot(str(tmp_path / "index.png"))
    every = browser.execute_script(VISIBLE_ROWS)
    assert len(every) == len(builtins)
    loaded = _images_loaded(browser)
    assert loaded["bad"] == [] and loaded["images"] == len(builtins)  # one cover per task

    category = Select(browser.find_element(By.ID, "filter-category"))
    category.select_by_value("Vehicle Classification")
    rows = browser.execute_script(VISIBLE_ROWS)
    expected = sorted(e.release_name or e.id for e in builtins if e.category == "Vehicle Classification")
    assert 0 < len(rows) < len(every) and sorted(name for _, _, name in rows) == expected
    assert browser.find_element(By.ID, "filter-count").text == f"{len(rows)} of {len(every)} tasks"
    Select(browser.find_element(By.ID, "filter-dataset")).select_by_value("cars")
    narrower = browser.execute_script(VISIBLE_ROWS)
    assert 0 < len(narrower) < len(rows) and {d for _, d, _ in narrower} == {"cars"}
    browser.save_screenshot(str(tmp_path / "index-filtered.png"))

    category.select_by_value("")
    Select(browser.find_element(By.ID, "filter-dataset")).select_by_value("")
    browser.find_element(By.ID, "filter-search").send_keys("ai2d")
    found = browser.execute_script(VISIBLE_ROWS)
    assert [name for _, _, name in found] == ["AI2D+visual_question_answering"]
    browser.save_screenshot(str(tmp_path / "index-search.png"))
    assert all((tmp_path / name).stat().st_size > 0
               for name in ("index.png", "index-filtered.png", "index-search.png"))


def test_every_task_page_loads_its_images_and_the_full_image_is_one_click_away(
        browser: Any, site: tuple[Path, GalleryResult], tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    out, result = site
    pages = sorted((out / "tasks").glob("*.html"))
    assert len(pages) == result.tasks
    images = full = 0
    for page in pages:
        browser.get(page.as_uri())
        loaded = _images_loaded(browser)
        assert loaded["bad"] == [], page.name
        images += loaded["images"]
        full += loaded["full"]
    assert images == full > 0  # every thumbnail links to its full image

    browser.get((out / "tasks" / "ai2d_visual_question_answering.html").as_uri())
    browser.save_screenshot(str(tmp_path / "task.png"))
    browser.find_element(By.CSS_SELECTOR, "figure a").click()
    assert "/images/" in browser.current_url
    width = browser.execute_script("return document.images[0].naturalWidth")
    assert width > 0
    assert (tmp_path / "task.png").stat().st_size > 0
