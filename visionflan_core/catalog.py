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
def source_datasets() -> dict[str, SourceDataset]:
    """Every known source dataset by normalised id."""
    raw = load_yaml(CATALOG_FILE)
    return {key: SourceDataset.model_validate(value) for key, value in sorted(raw.items())}
