"""YAML reading with the C loader where available (task metadata is read on every start)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import VisionFlanError

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlSyntaxError(VisionFlanError, ValueError):
    """A YAML file that does not parse: ``file:line:column: what`` on one line."""


def load_yaml(path: Path) -> Any:
    """Parse one YAML file safely; a syntax error is one :class:`YamlSyntaxError` line."""
    with path.open("rb") as stream:
        try:
            return yaml.load(stream, Loader=_Loader)
        except yaml.YAMLError as error:
            raise YamlSyntaxError(_one_line(path, error)) from None


def _one_line(path: Path, error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    text = f"{problem} ({context})" if context and problem != str(error) else problem
    return f"{where}: YAML syntax error: {' '.join(str(text).split())}"


class _ReadableDumper(yaml.SafeDumper):
    """Block style, key order kept, multi-line text as ``|`` blocks and long text folded (``>``)."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.strip("\n") else (">" if len(value) > 90 else None)
    if style == "|" and any(line != line.rstrip() for line in value.splitlines()):
        style = None  # trailing spaces cannot be kept in a block scalar
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    flat = all(isinstance(item, str | int | float | bool) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


_ReadableDumper.add_representer(str, _text)
_ReadableDumper.add_representer(list, _list)


def dump_yaml(data: Any) -> str:
    """Serialise ``data`` as readable block-style YAML that keeps key order."""
    return yaml.dump(data, Dumper=_ReadableDumper, sort_keys=False, allow_unicode=True, width=100)
