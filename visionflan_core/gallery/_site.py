"""The HTML of the site: Jinja2 templates (autoescaped) and the CSS/JS shipped with the package.

Nothing is fetched at view time: pages link only to files of the site, by relative paths, so the
folder opens from the file system with no server and no network. Nothing varies between runs
(no dates, no absolute paths, sorted choices), so one input gives one site, byte for byte.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import jinja2

from .. import __version__
from ._model import Gallery, TaskView

ASSETS = ("gallery.css", "gallery.js")
ASSETS_DIR = "assets"
TASKS_DIR = "tasks"


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("visionflan_core.gallery", "templates"),
        autoescape=True,  # every value is data (task text, file names): escaped, always
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _choices(tasks: list[TaskView], attribute: str) -> list[tuple[str, str]]:
    """(value, label) pairs of a filter, sorted by label; datasets filter by id, show their name."""
    if attribute == "dataset":
        pairs = {(task.dataset.id, task.dataset.name) for task in tasks if task.dataset is not None}
    else:
        pairs = {(getattr(task, attribute), getattr(task, attribute)) for task in tasks}
    return sorted(pairs, key=lambda pair: (pair[1].lower(), pair[1], pair[0]))


def write_site(gallery: Gallery, site: Path) -> None:
    """``index.html``, one page per task under ``tasks/``, and the assets, below ``site``."""
    environment = _environment()
    (site / ASSETS_DIR).mkdir(parents=True, exist_ok=True)
    (site / TASKS_DIR).mkdir(exist_ok=True)
    package = resources.files("visionflan_core.gallery") / "static"
    for name in ASSETS:
        (site / ASSETS_DIR / name).write_bytes((package / name).read_bytes())
    common = {"gallery": gallery, "version": __version__}
    index = environment.get_template("index.html.jinja").render(
        **common, root="", categories=_choices(gallery.tasks, "category"),
        datasets=_choices(gallery.tasks, "dataset"), groups=_choices(gallery.tasks, "group"),
        problems=sum(len(task.problems) for task in gallery.tasks),
        failed=sum(1 for task in gallery.tasks if task.failed))
    (site / "index.html").write_text(index, encoding="utf-8")
    page = environment.get_template("task.html.jinja")
    for position, task in enumerate(gallery.tasks):
        previous = gallery.tasks[position - 1] if position else None
        following = gallery.tasks[position + 1] if position + 1 < len(gallery.tasks) else None
        html = page.render(**common, root="../", task=task, previous=previous, following=following)
        (site / TASKS_DIR / f"{task.key}.html").write_text(html, encoding="utf-8")
