"""The rendered example: the typed record every writer and the trainer's data format start from."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Turn(BaseModel):
    """One conversation turn in the released format (``from`` is ``human`` or ``gpt``)."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="forbid")

    speaker: Literal["human", "gpt"] = Field(alias="from")
    value: str


class Provenance(BaseModel):
    """Enough to reproduce an example exactly: task version, template, source record and seed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    task_version: str
    template_id: str
    template_hash: str
    source_record_id: str
    seed: int


class Example(BaseModel):
    """A rendered Vision-Flan instance; ``images`` are relative to the dataset folder."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    task_id: str
    release_name: str | None
    images: list[str]
    conversations: list[Turn]
    raw_label: Any
    provenance: Provenance

    @property
    def prompt(self) -> str:
        """The human turn."""
        return self.conversations[0].value

    @property
    def target(self) -> str:
        """The assistant turn."""
        return self.conversations[-1].value

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict with ``from`` spelled as in the release."""
        return self.model_dump(mode="json", by_alias=True)
