"""Answer formatters: raw label (plus the rendering context) -> the human-preferred target.

Shared formatters are picked by name in ``task.yaml``; a task may instead name its own function
(``./formatter.py:format_answer``) taking the rendering context and the formatter options.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ._refs import resolve_callable
from .spec import FormatterSpec
from .templating import compile_template

Formatter = Callable[[Mapping[str, Any]], str]


def _verbatim(options: Mapping[str, Any], task_id: str) -> Formatter:
    def format_answer(context: Mapping[str, Any]) -> str:
        return str(context["label"])

    return format_answer


def _template(options: Mapping[str, Any], task_id: str) -> Formatter:
    """A Jinja string over the rendering context, e.g. ``The yoga pose is {{ label }}.``"""
    if "template" not in options:
        raise ValueError("formatter 'template' needs options.template")
    compiled = compile_template(f"{task_id}:formatter", str(options["template"]))
    return compiled.render


def _choice(options: Mapping[str, Any], task_id: str) -> Formatter:
    """The chosen option, by default as ``(b) 1.88``; ``template`` may reshape it."""
    merged = {"template": "({{ answer.label }}) {{ answer.text }}", **options}
    return _template(merged, task_id)


def _join(options: Mapping[str, Any], task_id: str) -> Formatter:
    """A list label joined with ``separator`` (default ``; ``)."""
    separator = str(options.get("separator", "; "))

    def format_answer(context: Mapping[str, Any]) -> str:
        return separator.join(str(item) for item in context["label"])

    return format_answer


SHARED_FORMATTERS: dict[str, Callable[[Mapping[str, Any], str], Formatter]] = {
    "verbatim": _verbatim,
    "template": _template,
    "choice": _choice,
    "join": _join,
}


def build_formatter(spec: FormatterSpec, folder: Path, task_id: str) -> Formatter:
    """The formatter a task's metadata names, with its options bound."""
    shared = SHARED_FORMATTERS.get(spec.name)
    if shared is not None:
        return shared(spec.options, task_id)
    if ":" not in spec.name:
        known = ", ".join(sorted(SHARED_FORMATTERS))
        raise ValueError(f"unknown formatter {spec.name!r} (shared: {known}; or 'module:function')")
    function = resolve_callable(spec.name, folder, f"visionflan_task_code.{task_id}")
    options = dict(spec.options)
    return lambda context: str(function(context, **options))
