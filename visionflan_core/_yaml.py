"""YAML reading with the C loader where available (task metadata is read on every start)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file safely."""
    with path.open("rb") as stream:
        return yaml.load(stream, Loader=_Loader)


def dump_yaml(data: Any) -> str:
    """Serialise ``data`` as block-style YAML that keeps key order."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
