"""The controlled list of source datasets (homepage, licence, citation), shipped as package data."""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ._yaml import load_yaml

CATALOG_FILE = Path(__file__).parent / "data" / "source_datasets.yaml"


class SourceDataset(BaseModel):
    """One academic dataset that tasks draw from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    homepage: str | None = None
    license: str
    citation: str | None = None


@functools.cache
def source_datasets(extra_files: tuple[Path, ...] = ()) -> dict[str, SourceDataset]:
    """Every known source dataset by normalised id: the core list plus plugins' own files.

    Plugins contribute files in the core file's format through the ``visionflan_dataset_files``
    hook; an id defined twice is an error naming both files.
    """
    merged: dict[str, SourceDataset] = {}
    origin: dict[str, Path] = {}
    for path in (CATALOG_FILE, *extra_files):
        raw = load_yaml(path) or {}
        if not isinstance(raw, dict):
            raise ValueError(f"{path}: expected a mapping of dataset id to its entry")
        for key, value in raw.items():
            if key in merged:
                raise ValueError(f"dataset {key!r} is defined in both {origin[key]} and {path}")
            try:
                merged[key] = SourceDataset.model_validate(value)
            except ValueError as error:
                raise ValueError(f"{path}: dataset {key!r}: {error}") from error
            origin[key] = path
    return dict(sorted(merged.items()))
