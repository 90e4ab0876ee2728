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


def dump_yaml(data: Any) -> str:
    """Serialise ``data`` as block-style YAML that keeps key order."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
