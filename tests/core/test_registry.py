"""Discovery: dataset folders own their tasks; sorted, duplicates fatal, broken plugins isolated."""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest

from visionflan_core import hookimpl
from visionflan_core.errors import DuplicateTaskError, UnknownTaskError, VisionFlanError
from visionflan_core.registry import discover

from .conftest import entry_point, plugin_of


def test_third_party_dataset_folders_are_discovered(make_package: Callable[..., Path]) -> None:
    make_package("acme", {"zeta": "Z?", "alpha": "A?"})
    registry = discover(group_entry_points=[plugin_of("acme")])
    assert list(registry.entries) == ["alpha", "zeta"]
    assert registry.broken == []
    task = registry.load("alpha")
    assert task.spec.source.reader.endswith("read_image_folder")  # inherited from dataset.yaml
    assert task.spec.contributors == ["tests"]
    example = next(task.examples())
    assert example.target == "It is cat."
    assert example.id == "vision-flan_Fake+alpha+cat/a"
    assert registry.datasets()["shapes"].license == "CC0"


def test_a_new_task_folder_is_listed_without_reinstalling(make_package: Callable[..., Path]) -> None:
    root = make_package("acme", {"first": "F"})
    assert list(discover(group_entry_points=[plugin_of("acme")]).entries) == ["first"]
    make_package("acme", {"second": "S"})
    assert list(discover(group_entry_points=[plugin_of("acme")]).entries) == ["first", "second"]
    assert (root / "shapes" / "second" / "task.yaml").is_file()


def test_discovery_order_does_not_depend_on_entry_point_order(
    make_package: Callable[..., Path],
) -> None:
    make_package("one", {"b": "B"}, dataset="one_shapes")
    make_package("two", {"a": "A", "c": "C"}, dataset="two_shapes")
    points = [plugin_of("two"), plugin_of("one")]
    forward = discover(group_entry_points=points)
    backward = discover(group_entry_points=list(reversed(points)))
    assert list(forward.entries) == list(backward.entries) == ["a", "b", "c"]


def test_duplicate_task_id_names_both_origins(make_package: Callable[..., Path]) -> None:
    make_package("one", {"same": "1"}, dataset="one_shapes")
    make_package("two", {"same": "2"}, dataset="two_shapes")
    with pytest.raises(DuplicateTaskError) as raised:
        discover(group_entry_points=[plugin_of("one"), plugin_of("two")])
    message = str(raised.value)
    assert "one_shapes" in message and "two_shapes" in message


@pytest.mark.parametrize("warm", [False, True])
def test_duplicate_dataset_id_names_both_files(make_package: Callable[..., Path], warm: bool) -> None:
    one = make_package("one", {"a": "A"})
    two = make_package("two", {"b": "B"})
    if warm:  # each package alone fills the metadata cache first
        discover(group_entry_points=[plugin_of("one")])
        discover(group_entry_points=[plugin_of("two")])
    with pytest.raises(DuplicateTaskError) as raised:
        discover(group_entry_points=[plugin_of("one"), plugin_of("two")])
    message = str(raised.value)
    assert str(one / "shapes" / "dataset.yaml") in message
    assert str(two / "shapes" / "dataset.yaml") in message


def test_duplicate_release_name_names_both_tasks(make_package: Callable[..., Path]) -> None:
    root = make_package("acme", {"a": "A", "b": "B"})
    task_file = root / "shapes" / "b" / "task.yaml"
    task_file.write_text(task_file.read_text().replace("Fake+b", "Fake+a"))
    with pytest.raises(DuplicateTaskError, match=r"release name 'Fake\+a' is claimed twice.*task a.*task b"):
        discover(group_entry_points=[plugin_of("acme")])


def test_broken_plugin_is_reported_and_others_keep_working(
    make_package: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_package("acme", {"good": "G"})
    exploding = types.ModuleType("exploding_plugin")
    monkeypatch.setitem(sys.modules, "exploding_plugin", exploding)

    def boom(name: str) -> object:  # an import that fails with neither ImportError nor AttributeError
        raise RuntimeError("plugin code crashed at import")

    exploding.__getattr__ = boom  # type: ignore[method-assign]
    points = [
        plugin_of("acme"),
        entry_point("missing_module", "no_such_module_xyz:plugin"),
        entry_point("missing_attr", "acme:not_there"),
        entry_point("crashes", "exploding_plugin:plugin"),
    ]
    registry = discover(group_entry_points=points)
    assert list(registry.entries) == ["good"]
    reasons = {b.name: b.reason for b in registry.broken}
    assert set(reasons) == {"missing_module", "missing_attr", "crashes"}
    assert "no_such_module_xyz" in reasons["missing_module"]
    assert "RuntimeError" in reasons["crashes"]
    with pytest.raises(VisionFlanError, match="broken task plugins"):
        discover(group_entry_points=points, strict=True)


def test_custom_hookimpl_plugin_contributes_folders(
    make_package: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """CONTRIBUTING's alternative: any object with the hook, e.g. folders kept outside a package."""
    root = make_package("acme", {"custom": "C"})

    class Plugin:
        @hookimpl
        def visionflan_dataset_dirs(self) -> list[Path]:
            return [root / "shapes"]

    module = types.ModuleType("custom_plugin")
    module.plugin = Plugin()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "custom_plugin", module)
    registry = discover(group_entry_points=[entry_point("custom", "custom_plugin:plugin")])
    assert list(registry.entries) == ["custom"] and registry.broken == []


def test_a_failing_hook_is_broken_not_fatal(
    make_package: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_package("acme", {"good": "G"})

    class Failing:
        @hookimpl
        def visionflan_dataset_dirs(self) -> list[Path]:
            raise MemoryError("hook ran out")

    module = types.ModuleType("failing_plugin")
    module.plugin = Failing()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "failing_plugin", module)
    registry = discover(group_entry_points=[plugin_of("acme"),
                                            entry_point("failing", "failing_plugin:plugin")])
    assert list(registry.entries) == ["good"]
    assert "MemoryError" in registry.broken[0].reason


def test_invalid_metadata_is_broken_with_file_and_field(make_package: Callable[..., Path]) -> None:
    root = make_package("acme", {"good": "G", "bad": "B"})
    task_file = root / "shapes" / "bad" / "task.yaml"
    task_file.write_text(task_file.read_text().replace("General Object", "Not A Category"))
    registry = discover(group_entry_points=[plugin_of("acme")])
    assert list(registry.entries) == ["good"]
    (broken,) = registry.broken
    assert str(task_file) in broken.reason and "field category" in broken.reason
    with pytest.raises(UnknownTaskError, match=r"task 'bad' is broken: .*field category"):
        registry.get("bad")


def test_a_broken_dataset_file_breaks_its_tasks_only(make_package: Callable[..., Path]) -> None:
    make_package("acme", {"good": "G"}, dataset="fine")
    root = make_package("acme", {"orphan": "O"}, dataset="wrong")
    (root / "wrong" / "dataset.yaml").write_text("id: wrong\nname: [unclosed\n")
    registry = discover(group_entry_points=[plugin_of("acme")])
    assert list(registry.entries) == ["good"]
    (broken,) = registry.broken
    assert re.search(r"wrong/dataset\.yaml:\d+:\d+: YAML syntax error", broken.reason), broken.reason


def test_a_task_value_repeating_the_dataset_is_rejected(make_package: Callable[..., Path]) -> None:
    root = make_package("acme", {"task": "T"})
    task_file = root / "shapes" / "task" / "task.yaml"
    task_file.write_text(task_file.read_text() + "contributors: [tests]\nfields: [class_name]\n")
    (broken,) = discover(group_entry_points=[plugin_of("acme")]).broken
    assert "field contributors: repeats the dataset's value" in broken.reason
    assert "field fields: repeats" in broken.reason


def test_task_options_merge_over_the_dataset_options(make_package: Callable[..., Path]) -> None:
    root = make_package("acme", {"task": "T"})
    dataset_file = root / "shapes" / "dataset.yaml"
    dataset_file.write_text(dataset_file.read_text() + "options: {subdir: ., extensions: [.png]}\n")
    task_file = root / "shapes" / "task" / "task.yaml"
    task_file.write_text(task_file.read_text() + "options: {extensions: [.png, .jpg]}\n")
    spec = discover(group_entry_points=[plugin_of("acme")]).load("task").spec
    assert spec.source.options == {"subdir": ".", "extensions": [".png", ".jpg"]}
    task_file.write_text(task_file.read_text().replace("[.png, .jpg]", "[.png]"))
    (broken,) = discover(group_entry_points=[plugin_of("acme")]).broken
    assert "options.extensions: repeats the dataset's value" in broken.reason


@pytest.mark.parametrize("where", ["dataset", "task"])
def test_placeholder_text_is_rejected(make_package: Callable[..., Path], where: str) -> None:
    root = make_package("acme", {"task": "T"})
    path = root / "shapes" / ("dataset.yaml" if where == "dataset" else "task/task.yaml")
    path.write_text(path.read_text() + "description: TODO say what it asks\n" if where == "task"
                    else path.read_text().replace("license: CC0", "license: TODO"))
    (broken,) = discover(group_entry_points=[plugin_of("acme")]).broken
    assert "placeholder text" in broken.reason


def test_metadata_cache_sees_edits_to_either_file(make_package: Callable[..., Path]) -> None:
    root = make_package("acme", {"task": "T"})
    points = [plugin_of("acme")]
    assert discover(group_entry_points=points).get("task").info.category == "General Object"
    task_file = root / "shapes" / "task" / "task.yaml"
    task_file.write_text(task_file.read_text().replace("General Object", "Perception  "))
    assert discover(group_entry_points=points).get("task").info.category == "Perception"
    dataset_file = root / "shapes" / "dataset.yaml"
    dataset_file.write_text(dataset_file.read_text().replace("license: CC0", "license: MIT"))
    registry = discover(group_entry_points=points)
    assert registry.datasets()["shapes"].license == "MIT"
    assert registry.get("task").info.layout == "<class>/<image>"


def test_an_edit_during_validation_is_not_cached_stale(
    make_package: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stamp is taken before the file is read: an edit landing mid-read is seen next time."""
    from visionflan_core import _yaml

    root = make_package("acme", {"task": "T"})
    task_file = root / "shapes" / "task" / "task.yaml"
    original = _yaml.load_yaml

    def load_then_edit(path: Path) -> object:
        data = original(path)
        if path == task_file:
            task_file.write_text(task_file.read_text().replace("General Object", "Perception"))
        return data

    monkeypatch.setattr(_yaml, "load_yaml", load_then_edit)
    assert discover(group_entry_points=[plugin_of("acme")]).get("task").info.category == "General Object"
    monkeypatch.setattr(_yaml, "load_yaml", original)
    assert discover(group_entry_points=[plugin_of("acme")]).get("task").info.category == "Perception"


def test_unknown_task_suggests_close_ids(make_package: Callable[..., Path]) -> None:
    make_package("acme", {"yoga_pose": "Y"})
    registry = discover(group_entry_points=[plugin_of("acme")])
    with pytest.raises(UnknownTaskError, match="did you mean yoga_pose"):
        registry.get("yoga_pos")
    assert registry.get("Fake+yoga_pose").id == "yoga_pose"


def test_dataset_folder_name_must_match_its_id(make_package: Callable[..., Path]) -> None:
    root = make_package("acme", {"task": "T"})
    dataset_file = root / "shapes" / "dataset.yaml"
    dataset_file.write_text(dataset_file.read_text().replace("id: shapes", "id: other"))
    registry = discover(group_entry_points=[plugin_of("acme")])
    assert "differs from the folder name" in registry.broken[0].reason


@pytest.mark.parametrize("garbage", [
    b"\x00 not marshal data", b"", b"\xe9\x00\x00\x00",  # unreadable
])
def test_malformed_metadata_cache_is_a_miss(make_package: Callable[..., Path], garbage: bytes) -> None:
    import marshal

    from visionflan_core._metadata_cache import MetadataCache

    make_package("acme", {"task": "T"})
    points = [plugin_of("acme")]
    discover(group_entry_points=points)
    cache = MetadataCache()
    assert cache.path.is_file()
    shapes: list[bytes] = [garbage, marshal.dumps([1, 2]), marshal.dumps({"key": cache.key, "entries": [1]}),
                           marshal.dumps({"key": cache.key, "entries": {k: 7 for k in cache.entries}}),
                           marshal.dumps({"key": cache.key, "entries": {
                               k: {"stamp": v["stamp"], "outcome": {"value": 3}}
                               for k, v in cache.entries.items()}})]
    for data in shapes:
        cache.path.write_bytes(data)
        assert list(discover(group_entry_points=points).entries) == ["task"]
