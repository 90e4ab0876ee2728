"""Discovery: sorted and deterministic, duplicates fatal, broken plugins isolated, third parties welcome."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from visionflan_core.errors import DuplicateTaskError, UnknownTaskError, VisionFlanError
from visionflan_core.registry import discover

from .conftest import entry_point


def test_third_party_package_tasks_are_discovered(make_package: Callable[..., Path]) -> None:
    make_package("acme", {"zeta": "Z?", "alpha": "A?"})
    points = [entry_point("zeta", "acme:zeta"), entry_point("alpha", "acme:alpha")]
    registry = discover(group_entry_points=points)
    assert list(registry.entries) == ["alpha", "zeta"]
    assert registry.broken == []
    example = next(registry.load("alpha").examples())
    assert example.target == "It is cat."
    assert example.id == "vision-flan_Fake+alpha+cat/a"


def test_discovery_order_does_not_depend_on_entry_point_order(
    make_package: Callable[..., Path],
) -> None:
    make_package("acme", {"b": "B", "a": "A", "c": "C"})
    points = [entry_point(n, f"acme:{n}") for n in "bac"]
    forward = discover(group_entry_points=points)
    backward = discover(group_entry_points=list(reversed(points)))
    assert list(forward.entries) == list(backward.entries) == ["a", "b", "c"]


def test_duplicate_task_id_names_both_origins(make_package: Callable[..., Path]) -> None:
    make_package("one", {"same": "1"})
    make_package("two", {"same": "2"})
    points = [entry_point("same", "one:same"), entry_point("same_again", "two:same")]
    with pytest.raises(DuplicateTaskError) as raised:
        discover(group_entry_points=points)
    message = str(raised.value)
    assert "one:same" in message and "two:same" in message


def test_broken_plugin_is_reported_and_others_keep_working(
    make_package: Callable[..., Path],
) -> None:
    make_package("acme", {"good": "G"})
    points = [
        entry_point("good", "acme:good"),
        entry_point("missing_module", "no_such_module_xyz:task"),
        entry_point("missing_folder", "acme:not_a_task"),
    ]
    registry = discover(group_entry_points=points)
    assert list(registry.entries) == ["good"]
    reasons = {b.name: b.reason for b in registry.broken}
    assert set(reasons) == {"missing_module", "missing_folder"}
    assert "no_such_module_xyz" in reasons["missing_module"]
    with pytest.raises(VisionFlanError, match="broken task plugins"):
        discover(group_entry_points=points, strict=True)


def test_invalid_metadata_is_broken_with_file_and_field(make_package: Callable[..., Path]) -> None:
    root = make_package("acme", {"good": "G", "bad": "B"})
    task_file = root / "bad" / "task.yaml"
    task_file.write_text(task_file.read_text().replace("General Object", "Not A Category"))
    registry = discover(group_entry_points=[entry_point(n, f"acme:{n}") for n in ("good", "bad")])
    assert list(registry.entries) == ["good"]
    (broken,) = registry.broken
    assert str(task_file) in broken.reason and "field category" in broken.reason


def test_metadata_cache_sees_edits(make_package: Callable[..., Path]) -> None:
    root = make_package("acme", {"task": "T"})
    points = [entry_point("task", "acme:task")]
    assert discover(group_entry_points=points).get("task").info["category"] == "General Object"
    task_file = root / "task" / "task.yaml"
    task_file.write_text(task_file.read_text().replace("General Object", "Perception  "))
    assert discover(group_entry_points=points).get("task").info["category"] == "Perception"


def test_unknown_task_suggests_close_ids(make_package: Callable[..., Path]) -> None:
    make_package("acme", {"yoga_pose": "Y"})
    registry = discover(group_entry_points=[entry_point("yoga_pose", "acme:yoga_pose")])
    with pytest.raises(UnknownTaskError, match="did you mean yoga_pose"):
        registry.get("yoga_pos")
    assert registry.get("Fake+yoga_pose").id == "yoga_pose"


def test_folder_name_must_match_id(make_package: Callable[..., Path]) -> None:
    root = make_package("acme", {"task": "T"})
    task_file = root / "task" / "task.yaml"
    task_file.write_text(task_file.read_text().replace("id: task", "id: other"))
    registry = discover(group_entry_points=[entry_point("task", "acme:task")])
    assert "differs from folder name" in registry.broken[0].reason


def test_plugin_ships_its_own_source_datasets(make_package: Callable[..., Path]) -> None:
    root = make_package("acme", {"task": "T"})
    task_file = root / "task" / "task.yaml"
    task_file.write_text(task_file.read_text().replace("dataset: coco", "dataset: acme_shapes"))
    points = [entry_point("task", "acme:task")]
    refused = discover(group_entry_points=points)
    assert "acme_shapes" in refused.broken[0].reason
    with pytest.raises(UnknownTaskError, match=r"is broken: .*acme_shapes"):
        refused.get("task")

    (root / "source_datasets.yaml").write_text(
        "acme_shapes:\n  name: Acme Shapes\n  license: CC0\n  homepage: https://example.org\n"
    )
    registry = discover(group_entry_points=points)
    assert registry.broken == []
    assert registry.datasets()["acme_shapes"].license == "CC0"
    assert next(registry.load("task").examples()).target == "It is cat."


def test_plugin_may_not_redefine_a_core_dataset(make_package: Callable[..., Path]) -> None:
    root = make_package("acme", {"task": "T"})
    (root / "source_datasets.yaml").write_text("coco:\n  name: Not COCO\n  license: none\n")
    registry = discover(group_entry_points=[entry_point("task", "acme:task")])
    assert any("defined in both" in b.reason for b in registry.broken)


def test_corrupt_metadata_cache_is_ignored(make_package: Callable[..., Path]) -> None:
    from visionflan_core._metadata_cache import MetadataCache

    make_package("acme", {"task": "T"})
    points = [entry_point("task", "acme:task")]
    discover(group_entry_points=points)
    cache_file = MetadataCache().path
    assert cache_file.is_file()
    cache_file.write_bytes(b"\x00 not marshal data")
    assert list(discover(group_entry_points=points).entries) == ["task"]
