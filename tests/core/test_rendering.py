"""Templates are sandboxed and strict; every random choice is seeded per example."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError, TemplateError

from visionflan_core import _limits
from visionflan_core.errors import TaskError
from visionflan_core.records import SourceRecord
from visionflan_core.registry import discover
from visionflan_core.spec import FormatterSpec, TaskFile
from visionflan_core.task import Task
from visionflan_core.templating import compile_template

from .conftest import plugin_of


def _task(make_package: Callable[..., Path], template: str, **spec_changes: object) -> Task:
    make_package("acme", {"task": template})
    task = discover(group_entry_points=[plugin_of("acme")]).load("task")
    if spec_changes:
        task = Task(task.spec.model_copy(update=spec_changes), task.folder, task.dataset_folder)
    return task  # type: ignore[no-any-return]


def _record(**changes: object) -> SourceRecord:
    values: dict[str, object] = {
        "id": "r1", "images": ("cat/a.png",), "fields": {"class_name": "cat"}, "label": "cat",
    }
    values.update(changes)
    return SourceRecord(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "source",
    ["{{ class_name.__class__ }}", "{{ class_name.__class__.__mro__ }}",
     "{{ ''.__class__.__subclasses__() }}", "{{ cycler.__init__.__globals__ }}"],
)
def test_sandbox_refuses_dunder_attributes(source: str) -> None:
    compiled = compile_template("t", source)
    with pytest.raises(SecurityError):
        compiled.render({"class_name": "cat", "cycler": object()})


def test_sandbox_refuses_mutation() -> None:
    compiled = compile_template("t", "{{ items.append(1) }}")
    with pytest.raises(SecurityError):
        compiled.render({"items": []})


def test_undefined_variable_names_task_record_and_variable(
    make_package: Callable[..., Path],
) -> None:
    task = _task(make_package, "Question: {{ question }}")
    with pytest.raises(TaskError) as raised:
        task.render(_record())
    problem = raised.value.problem
    assert (problem.task_id, problem.record_id, problem.field) == ("task", "r1", "question")
    assert problem.file == "instruction.jinja"
    assert "task: instruction.jinja: record r1: field question" in str(raised.value)


def test_template_hash_covers_included_partials() -> None:
    plain = compile_template("t", "{% include 'options/lower_paren.jinja' %}")
    other = compile_template("t", "{% include 'options/choices_are.jinja' %}")
    assert plain.sha256 != other.sha256
    assert "options" in plain.variables


def test_option_styles_render_release_shapes() -> None:
    options = [{"label": "a", "text": "63"}, {"label": "b", "text": "7"}]
    assert compile_template("t", "{% include 'options/lower_paren.jinja' %}").render(
        {"options": options}) == "Options: (a) 63 (b) 7"
    upper = [{"label": "A", "text": "Sun"}, {"label": "B", "text": "Moon"}]
    assert compile_template("t", "{% include 'options/choices_are.jinja' %}").render(
        {"options": upper}) == "The choices are: (A) Sun; (B) Moon."


def test_choices_shuffle_is_seeded_per_example(make_package: Callable[..., Path]) -> None:
    from visionflan_core.spec import ChoicesSpec, FormatterSpec

    task = _task(
        make_package, "Pick.\n{% include 'options/lower_paren.jinja' %}",
        choices=ChoicesSpec(labels="lower", shuffle=True),
        formatter=FormatterSpec(name="choice"),
    )
    choices = tuple(f"option {i}" for i in range(8))
    record = _record(choices=choices, answer_index=5)
    first = task.render(record, seed=1)
    assert first == task.render(record, seed=1)
    assert first.target.endswith("option 5")
    letter = first.target[1]
    assert f"({letter}) option 5" in first.prompt
    orders = {task.render(record, seed=s).prompt for s in range(10)}
    assert len(orders) > 1, "the seed must change the option order"


def test_image_placement_is_seeded_and_both_sides_occur(make_package: Callable[..., Path]) -> None:
    task = _task(make_package, "What is it?")
    before = after = 0
    for n in range(40):
        prompt = task.render(_record(id=f"r{n}")).prompt
        assert prompt in ("<image>\nWhat is it?", "What is it?\n<image>")
        before += prompt.startswith("<image>")
        after += prompt.endswith("<image>")
    assert before and after
    fixed = Task(task.spec.model_copy(update={"image_placement": "after"}), task.folder, task.dataset_folder)
    assert fixed.render(_record()).prompt == "What is it?\n<image>"
    # a mixture's policy overrides the task's own, through the same one placement step
    assert fixed.render(_record(), placement="before").prompt == "<image>\nWhat is it?"
    flips = {task.render(_record(id=f"r{n}"), placement="random").prompt.startswith("<image>")
             for n in range(40)}
    assert flips == {True, False}


def test_target_keeps_one_trailing_newline_only_when_the_task_asks(
    make_package: Callable[..., Path],
) -> None:
    lines = FormatterSpec(name="template", options={"template": "  A1: {{ label }}{{ '\\n\\n' }}"})
    plain = _task(make_package, "What is it?", formatter=lines)
    assert plain.render(_record()).target == "A1: cat"
    kept = Task(plain.spec.model_copy(update={"keep_trailing_newline": True}), plain.folder,
                plain.dataset_folder)
    assert kept.render(_record()).target == "A1: cat\n"
    # nothing is added to a target that does not end with a newline
    bare = Task(kept.spec.model_copy(update={"formatter": FormatterSpec()}), kept.folder,
                kept.dataset_folder)
    assert bare.render(_record(label="cat  ")).target == "cat"
    assert TaskFile.model_fields["keep_trailing_newline"].default is False


def test_provenance_records_template_hash_and_source(make_package: Callable[..., Path]) -> None:
    task = _task(make_package, "What is it?")
    example = task.render(_record(), seed=7)
    assert example.provenance.template_hash == task.templates["instruction"].sha256
    assert (example.provenance.source_record_id, example.provenance.seed) == ("r1", 7)
    assert example.to_json()["conversations"][0]["from"] == "human"


def test_spec_rejects_unknown_keys_and_vocabulary() -> None:
    base = {
        "id": "x", "category": "Perception", "group": "classification",
        "answer_type": "label", "version": "1.0.0",
    }
    TaskFile.model_validate(base)
    for bad in ({"reader": "not a reference"}, {"group": "other"}, {"colour": "red"},
                {"id": "Bad-Id"}, {"version": "1"}, {"example_id": "no-record-id"}):
        with pytest.raises(ValueError):
            TaskFile.model_validate({**base, **bad})


def _partials() -> list[str]:
    from visionflan_core.templating import partials_dir

    root = partials_dir()
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.jinja"))


@pytest.mark.parametrize("partial", _partials())
@pytest.mark.parametrize(
    "layout",
    ["Intro.\n{% include NAME %}", "Intro.\n\n{% include NAME %}\nAfter.",
     "{% include NAME %}\n{% include NAME %}", "A {%- include NAME -%} B", "  {% include NAME %}  \nEnd"],
)
def test_inlined_partials_render_exactly_like_includes(partial: str, layout: str) -> None:
    """Includes are inlined for speed; the output must not change by a single character."""
    from visionflan_core.templating import environment

    source = layout.replace("NAME", repr(partial))
    context = {
        "options": [{"label": "a", "text": "x"}, {"label": "b", "text": "y"}],
        "question": "Why?", "context": [{"question": "Q1", "answer": "A1"}],
    }
    expected = environment().from_string(source).render(context)
    assert compile_template("t", source).render(context) == expected


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'a' * 10**10 }}",
        "{{ [0] * 10**9 }}",
        "{{ 9 ** (9 ** 9) }}",
        "{{ 10.0 ** 400 }}",
        "{% for i in range(10**10) %}{% endfor %}",
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
        "{{ 'a'|center(10**9) }}",
        "{{ 'a'.rjust(10**9) }}",
        "{{ '{:>999999999}'.format(1) }}",
        "{{ '%999999999s' % 'x' }}",
        "{{ ('a' * 1000)|replace('a', 'b' * 1000) }}",
        "{% set s = 'a' * 90000 %}{{ s ~ s }}",
        "{% for i in range(50000) %}{{ 'abcdefghij' }}{% endfor %}",
        "{{ 1 / 0 }}",
    ],
)
def test_templates_cannot_exhaust_memory_or_hang(source: str) -> None:
    with pytest.raises(TemplateError):
        compile_template("t", source).render({})


def test_a_slow_render_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_limits, "RENDER_SECONDS", 0.2)
    slow = "{% set s = 'ab' * 40000 %}{% for c in s %}{% for d in s %}{% endfor %}{% endfor %}"
    with pytest.raises(_limits.TemplateLimitError, match="render took over"):
        compile_template("t", slow).render({})


def test_a_template_over_a_limit_is_that_records_problem(make_package: Callable[..., Path]) -> None:
    task = _task(make_package, "{{ class_name * 10**9 }}")
    with pytest.raises(TaskError) as raised:
        task.render(_record())
    assert (raised.value.problem.task_id, raised.value.problem.record_id) == ("task", "r1")
    assert "limit" in raised.value.problem.message


def test_ordinary_templates_are_unaffected() -> None:
    compiled = compile_template("t", "{% for i in range(3) %}{{ i * 2 }}{{ 'ab' * 2 }}{% endfor %}"
                                     "{{ '%s!' % x }} {{ '{:>5}'.format(x) }} {{ 2 ** 10 }}")
    assert compiled.render({"x": "hi"}) == "0abab2abab4ababhi!    hi 1024"
