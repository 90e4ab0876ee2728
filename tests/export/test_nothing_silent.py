"""No export exits 0 on nothing, and a failure stays with its task or record.

Each test is one class of failure: selections that match nothing, plans or outputs with nothing
in them, tasks that break in any way (loading, reading, rendering), empty targets.
"""

from __future__ import annotations

import json
import marshal
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

from visionflan_core.errors import VisionFlanError
from visionflan_core.export.images import ImageOptions
from visionflan_core.export.pipeline import plan_export
from visionflan_core.export.settings import Settings
from visionflan_core.export.sources import selected_entries
from visionflan_core.export.task_source import RegistrySource
from visionflan_core.registry import BrokenPlugin, Registry, discover

from .conftest import PACKAGE, TASKS, export, spec_of


@pytest.fixture
def fresh(world: dict[str, Any]) -> Registry:
    """The fake tasks in a registry of their own, so a test may break its loaded tasks."""
    points = [EntryPoint(name=PACKAGE, value=f"{PACKAGE}:plugin", group="visionflan.tasks")]
    return discover(group_entry_points=points, use_cache=False)


def _with_broken(registry: Registry, name: str = "fake_delta") -> Registry:
    broken = [BrokenPlugin(name, f"{PACKAGE}: {name}", "plugin does not load: ImportError('x')")]
    return Registry(entries=registry.entries, broken=broken)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"select": {"include": ["fake_alpah"]}}, "'fake_alpah' matches no task (did you mean fake_alpha"),
        ({"select": {"include": ["nothing_*"]}}, "'nothing_*' matches no task"),
        ({"select": {"categories": ["Perceptoin"]}}, "did you mean Perception"),
        ({"select": {"datasets": ["cocoa"]}}, "'cocoa' matches no task (did you mean coco"),
        ({"holdout": {"tasks": ["fake_betta"]}}, "holdout.tasks 'fake_betta' matches no task"),
        ({"holdout": {"categories": ["Nope"]}}, "holdout.categories 'Nope' matches no task"),
    ],
)
def test_selections_that_match_nothing_are_errors(registry: Registry, fields: dict[str, Any],
                                                  message: str) -> None:
    with pytest.raises(VisionFlanError, match=message.replace("(", r"\(").replace("*", r"\*")):
        selected_entries(registry, spec_of(**fields))


def test_a_selected_broken_plugin_fails_unless_held_out(registry: Registry, data_root: Path,
                                                        tmp_path: Path) -> None:
    broken = _with_broken(registry)
    with pytest.raises(VisionFlanError, match="'fake_delta' is selected but broken"):
        selected_entries(broken, spec_of(select={"include": ["fake_*"]}))
    info = export(broken, tmp_path / "out", data_root=data_root, cap=2,
                  holdout={"tasks": ["fake_delta"]})
    assert info is not None and info["broken_plugins"] == ["fake_delta"]
    assert "broken plugin" in (tmp_path / "out" / "README.md").read_text()


def test_zero_planned_examples_is_an_error(registry: Registry, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    for dataset, *_ in TASKS.values():
        (empty / dataset).mkdir(parents=True, exist_ok=True)
        (empty / dataset / "records.json").write_text("[]")
    with pytest.raises(VisionFlanError, match="nothing to export"):
        export(registry, tmp_path / "out", data_root=empty)
    assert not (tmp_path / "out" / "COMPLETED").exists()
    info = export(registry, tmp_path / "allowed", data_root=empty, allow_empty=True)
    assert info is not None and info["totals"]["written"] == 0


def test_image_limits_that_reject_everything_fail_without_completed(
    registry: Registry, data_root: Path, tmp_path: Path
) -> None:
    with pytest.raises(VisionFlanError, match="0 examples written") as raised:
        export(registry, tmp_path / "out", data_root=data_root, images=ImageOptions(max_pixels=1),
               cap=2)
    assert "over-size" in str(raised.value)
    assert not (tmp_path / "out" / "COMPLETED").exists()
    assert (tmp_path / "out" / "skipped.jsonl").read_text().count("\n") == 6


def test_a_task_that_loses_every_example_fails_the_export(
    registry: Registry, data_root: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "data"
    bad.mkdir()
    for dataset, *_ in TASKS.values():
        (bad / dataset).symlink_to(data_root / dataset)
    (bad / "pacs").unlink()
    (bad / "pacs").mkdir()
    (bad / "pacs" / "records.json").write_text(json.dumps(
        [{"id": "1", "images": ["missing.png"], "label": "cat"}]))
    with pytest.raises(VisionFlanError, match=r"1 task\(s\) lost every example: fake_beta"):
        export(registry, tmp_path / "out", data_root=bad, cap=2)
    assert not (tmp_path / "out" / "COMPLETED").exists()


def _raise(*_: Any, **__: Any) -> Iterator[Any]:
    raise RuntimeError("reader exploded")
    yield  # pragma: no cover - a generator that raises on first use


@pytest.mark.parametrize("breakage", ["reader", "reader-midway", "formatter", "template", "load"])
def test_a_task_that_raises_anything_is_that_tasks_problem(
    fresh: Registry, data_root: Path, tmp_path: Path, breakage: str
) -> None:
    task = fresh.load("fake_beta")
    if breakage == "reader":
        task.__dict__["reader"] = _raise
    elif breakage == "reader-midway":
        original = task.reader

        def midway(*args: Any, **kwargs: Any) -> Iterator[Any]:
            for index, record in enumerate(original(*args, **kwargs)):
                if index == 3:
                    raise MemoryError("no more")
                yield record

        task.__dict__["reader"] = midway
    elif breakage == "formatter":
        def formatter(context: Any) -> str:
            raise OverflowError("range too big")
        task.__dict__["formatter"] = formatter
    elif breakage == "template":
        (task.folder / "broken.jinja").write_text("{% if %}")
        task.spec = task.spec.model_copy(update={"templates": {"instruction": "broken.jinja"}})
        task.__dict__.pop("templates", None)
    else:
        fresh._loaded.pop("fake_beta")
        entry = fresh.entries["fake_beta"]
        broken_spec = marshal.dumps({**entry.spec_data, "version": None})
        fresh.entries["fake_beta"] = entry._replace(spec_blob=broken_spec)
    with pytest.raises(VisionFlanError, match="fake_beta"):
        export(fresh, tmp_path / "strict", data_root=data_root, cap=4, strict=True)
    info = export(fresh, tmp_path / "out", data_root=data_root, cap=4, allow_empty=True)
    assert info is not None
    written = {t["id"]: t["written"] for t in info["tasks"]}
    assert written["fake_alpha"] == 4 and written["fake_gamma"] == 4
    reports = (tmp_path / "out" / "problems.jsonl").read_text() + (
        tmp_path / "out" / "skipped.jsonl").read_text()
    assert "fake_beta" in reports
    assert " at 0x" not in reports and str(tmp_path) not in reports
    if breakage == "reader-midway":
        assert written["fake_beta"] == 3
    else:
        assert written["fake_beta"] == 0


def test_an_empty_target_is_an_error_for_that_record(fresh: Registry, data_root: Path,
                                                     tmp_path: Path) -> None:
    task = fresh.load("fake_alpha")
    task.__dict__["formatter"] = lambda context: "" if context["label"] == "cat" else "a dog"
    info = export(fresh, tmp_path / "out", data_root=data_root, cap=4,
                  select={"include": ["fake_alpha"]})
    skipped = [json.loads(line) for line in (tmp_path / "out" / "skipped.jsonl").open()]
    assert info is not None and info["totals"]["written"] == 4 - len(skipped) > 0
    assert skipped and all("empty" in s["reason"] for s in skipped)
    with pytest.raises(VisionFlanError, match=r"empty (target|assistant turn)"):
        export(fresh, tmp_path / "strict", data_root=data_root, cap=4, strict=True,
               select={"include": ["fake_alpha"]})


def test_dry_run_counts_and_fails_on_zero(registry: Registry, data_root: Path, tmp_path: Path) -> None:
    spec = spec_of(cap=10)
    plan = plan_export(RegistrySource(registry, spec, data_root), spec, Settings())
    assert {t["id"]: (t["available"], t["quota"]) for t in plan["tasks"]} == {
        "fake_alpha": (30, 10), "fake_beta": (12, 10), "fake_gamma": (5, 5)}
    with pytest.raises(VisionFlanError, match="nothing to export"):
        plan_export(RegistrySource(registry, spec, tmp_path), spec, Settings())
    with pytest.raises(VisionFlanError, match="give no examples: fake_gamma"):
        (tmp_path / "coco").symlink_to(data_root / "coco")
        (tmp_path / "pacs").symlink_to(data_root / "pacs")
        plan_export(RegistrySource(registry, spec, tmp_path), spec, Settings())
