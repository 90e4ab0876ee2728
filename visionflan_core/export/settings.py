"""What an export needs to know in every process, split from how it is run.

:class:`Settings` changes the output (it is part of the plan fingerprint); :class:`RunOptions`
only changes how the work is spread (workers, partitions, resume) and never a byte of output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .images import ImageOptions
from .sources import Source
from .spec import MixtureSpec
from .writers import FORMATS

DEFAULT_SHARD_SIZE = 1000


@dataclass(frozen=True)
class Settings:
    """Output-shaping options."""

    formats: tuple[str, ...] = ("llava",)
    shard_size: int = DEFAULT_SHARD_SIZE
    images: ImageOptions = field(default_factory=ImageOptions)
    strict: bool = False
    allow_empty: bool = False
    acknowledge_terms: frozenset[str] = frozenset()  # dataset ids whose restrictive terms are accepted
    llava_single_file: bool = False  # also join the llava shards into one JSON list

    def __post_init__(self) -> None:
        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown or not self.formats:
            raise ValueError(f"unknown format(s) {unknown}; choose from {', '.join(FORMATS)}")
        if self.shard_size < 1:
            raise ValueError("shard size must be at least 1")
        if self.llava_single_file and "llava" not in self.formats:
            raise ValueError("--llava-single-file joins the llava shards: add llava to --format")

    def describe(self) -> dict[str, Any]:
        described = {"formats": list(self.formats), "shard_size": self.shard_size,
                     "images": self.images.describe()}  # strict/allow_empty only decide what fails
        if self.acknowledge_terms:  # recorded, so the card can say who accepted what
            described["acknowledged_terms"] = sorted(self.acknowledge_terms)
        if self.llava_single_file:  # only when set: earlier exports keep their fingerprints
            described["llava_single_file"] = True
        return described


@dataclass(frozen=True)
class RunOptions:
    """How the work is spread; the output is the same for every value."""

    workers: int = 1
    num_partitions: int = 1
    partition_index: int = 0
    resume: bool = False
    overwrite: bool = False

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if not 0 <= self.partition_index < self.num_partitions:
            raise ValueError("partition index must be in [0, num_partitions)")


@dataclass(frozen=True)
class ExportContext:
    """Installed in every worker process (see :mod:`.parallel`)."""

    source: Source
    spec: MixtureSpec
    settings: Settings
    out: Path
    work: Path
    categories: dict[str, str]
