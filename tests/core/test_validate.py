"""`validate` fails loudly and precisely: one problem per line naming task, file, record and field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from visionflan_core.registry import Registry, discover
from visionflan_core.validate import validate_task

from .conftest import plugin_of


def _registry(make_package: Callable[..., Path], template: str = "What is it?") -> tuple[Registry, Path]:
    root = make_package("acme", {"task": template})
    return discover(group_entry_points=[plugin_of("acme")]), root / "shapes" / "task"


def test_clean_task_passes_once_snapshot_exists(make_package: Callable[..., Path]) -> None:
    registry, folder = _registry(make_package)
    (missing,) = validate_task(registry, registry.get("task"))
    assert "no snapshot" in missing.message
    assert validate_task(registry, registry.get("task"), update_snapshot=True) == []
    assert (folder / "snapshot.json").is_file()
    assert validate_task(registry, registry.get("task")) == []


def test_changed_rendering_is_reported_against_snapshot(make_package: Callable[..., Path]) -> None:
    registry, folder = _registry(make_package)
    validate_task(registry, registry.get("task"), update_snapshot=True)
    (folder / "instruction.jinja").write_text("What animal is it?")
    registry = discover(group_entry_points=[plugin_of("acme")])
    bump, *records = validate_task(registry, registry.get("task"))
    assert (bump.file, bump.field) == ("task.yaml", "version") and "bump `version`" in bump.message
    # every differing record is reported, not only the first; the template hash changed too
    assert sorted((p.record_id, p.field) for p in records) == sorted(
        (f"vision-flan_Fake+task+{name}", field) for name in ("cat/a", "cat/b", "dog/c")
        for field in ("conversations", "provenance"))

    before = (folder / "snapshot.json").read_text()
    (refused,) = validate_task(registry, registry.get("task"), update_snapshot=True)
    assert refused.field == "version" and (folder / "snapshot.json").read_text() == before

    task_yaml = folder / "task.yaml"
    task_yaml.write_text(task_yaml.read_text().replace("version: 1.0.0", "version: 1.1.0"))
    registry = discover(group_entry_points=[plugin_of("acme")])
    head, *_ = validate_task(registry, registry.get("task"))
    assert "snapshot was made for version 1.0.0; the task is 1.1.0" in head.message
    assert validate_task(registry, registry.get("task"), update_snapshot=True) == []
    assert validate_task(registry, registry.get("task")) == []


def test_undeclared_template_variable(make_package: Callable[..., Path]) -> None:
    registry, _ = _registry(make_package, "Q: {{ question }}")
    (problem,) = validate_task(registry, registry.get("task"))
    assert (problem.file, problem.field) == ("instruction.jinja", "question")


def test_undecodable_fixture_image(make_package: Callable[..., Path]) -> None:
    registry, folder = _registry(make_package)
    (folder.parent / "fixture" / "cat" / "b.png").write_bytes(b"\x89PNG not really")
    problems = validate_task(registry, registry.get("task"), update_snapshot=True)
    assert any(p.file == "cat/b.png" and p.field == "images" for p in problems)
    assert not (folder / "snapshot.json").exists(), "a failing task must not write its snapshot"


def test_template_syntax_error_names_file(make_package: Callable[..., Path]) -> None:
    registry, _ = _registry(make_package, "{% if %}")
    (problem,) = validate_task(registry, registry.get("task"))
    assert problem.file == "instruction.jinja" and "template does not load" in problem.message


def test_too_small_fixture(make_package: Callable[..., Path]) -> None:
    registry, folder = _registry(make_package)
    (folder.parent / "fixture" / "dog" / "c.png").unlink()
    problems = validate_task(registry, registry.get("task"), update_snapshot=True)
    assert any("fixture yields 2 records" in p.message for p in problems)


def test_yaml_syntax_errors_are_one_line_with_file_line_and_column(tmp_path: Path) -> None:
    from visionflan_core._yaml import YamlSyntaxError, load_yaml
    from visionflan_core.export.spec import load_mixture

    for text, line in [("name: x\nselect: {include: [a\n", 3), ("name: x\n  bad: - indent\n", 2),
                       ("a: 1\n\tb: 2\n", 2)]:
        path = tmp_path / "mix.yaml"
        path.write_text(text)
        with pytest.raises(YamlSyntaxError) as raised:
            load_yaml(path)
        message = str(raised.value)
        assert message.startswith(f"{path}:{line}:") and "\n" not in message
        with pytest.raises(YamlSyntaxError):
            load_mixture(str(path))
