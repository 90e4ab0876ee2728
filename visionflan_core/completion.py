"""Shell completion of task ids, dataset ids and mixture names, through click's completion.

It must answer at every key press, so it reads what listing reads (the metadata cache: no task code,
no YAML parser, no pydantic on a warm cache) and lists mixture files by name; any failure completes
nothing rather than printing a traceback into the shell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from click.shell_completion import CompletionItem

MIXTURES_DIR = Path(__file__).parent / "export" / "mixtures"


def _registry(ctx: click.Context) -> Any:
    from .registry import discover

    root = ctx.find_root()
    strict = bool((root.params or {}).get("strict"))
    return discover(strict=strict)


def complete_task_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Task ids and release names starting with ``incomplete`` (ids first, each once)."""
    try:
        registry = _registry(ctx)
    except Exception:
        return []
    chosen = set(ctx.params.get(param.name or "", None) or ()) if param.nargs != 1 else set()
    items = [CompletionItem(e.id, help=e.release_name or None) for e in registry
             if e.id.startswith(incomplete) and e.id not in chosen]
    items += [CompletionItem(e.release_name, help=e.id) for e in registry
              if e.release_name and e.release_name.startswith(incomplete) and e.release_name not in chosen]
    return items


def complete_dataset_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Source dataset ids starting with ``incomplete``."""
    try:
        registry = _registry(ctx)
    except Exception:
        return []
    return [CompletionItem(name) for name in registry.dataset_entries if name.startswith(incomplete)]


def mixture_names() -> list[str]:
    """The built-in mixtures, by file name (no YAML is read)."""
    return sorted(path.stem for path in MIXTURES_DIR.glob("*.yaml"))


def complete_mixtures(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Built-in mixture names; a path-like word (or no name matching) completes as a file."""
    names = [CompletionItem(name) for name in mixture_names() if name.startswith(incomplete)]
    if names and "/" not in incomplete and not incomplete.endswith((".yaml", ".yml")):
        return names
    return [CompletionItem(incomplete, type="file")]
