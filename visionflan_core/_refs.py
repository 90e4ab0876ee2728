"""Resolve the 'module:function' and './file.py:function' references that task metadata uses."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def resolve_callable(ref: str, folder: Path, namespace: str) -> Callable[..., Any]:
    """Import the function ``ref`` names; task-local files load under ``namespace``."""
    module_ref, _, attr = ref.partition(":")
    if module_ref.startswith("./"):
        path = (folder / module_ref).resolve()
        if not path.is_relative_to(folder.resolve()):
            raise ImportError(f"{ref!r} points outside the task folder {folder}")
        package = _package_module(path)
        if package is not None:  # importable as itself: one module object, relative imports work
            return _attribute(importlib.import_module(package), module_ref, attr, ref)
        name = f"{namespace}.{path.stem}"
        module = sys.modules.get(name)
        if module is None:
            spec = importlib.util.spec_from_file_location(name, path)
            if spec is None or spec.loader is None:
                raise ImportError(f"cannot load {path}")
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            try:
                spec.loader.exec_module(module)
            except BaseException:
                del sys.modules[name]
                raise
    else:
        module = importlib.import_module(module_ref)
    return _attribute(module, module_ref, attr, ref)


def _package_module(path: Path) -> str | None:
    """The dotted name ``path`` imports as, if its folders are packages on ``sys.path``."""
    parts = [path.stem]
    folder = path.parent
    while (folder / "__init__.py").is_file():
        parts.insert(0, folder.name)
        folder = folder.parent
    if len(parts) == 1 or not all(p.isidentifier() for p in parts):
        return None
    name = ".".join(parts)
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None or Path(spec.origin).resolve() != path:
        return None
    return name


def _attribute(module: Any, module_ref: str, attr: str, ref: str) -> Callable[..., Any]:
    try:
        function = getattr(module, attr)
    except AttributeError:
        raise ImportError(f"{module_ref} has no attribute {attr!r}") from None
    if not callable(function):
        raise ImportError(f"{ref} is not callable")
    resolved: Callable[..., Any] = function
    return resolved
