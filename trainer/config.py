"""Stage configuration: one YAML per stage, validated with pydantic so bad recipes fail early."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import ConfigError

CONFIG_DIR = Path(__file__).resolve().parent / "configs"
ReportTo = Literal["tensorboard", "wandb"]

__all__ = ["CONFIG_DIR", "ConfigError", "Freeze", "StageConfig", "load_config", "resolve_config_path"]


class Freeze(BaseModel):
    """Which of the three LLaVA parts stay frozen (paper: vision encoder frozen in both stages)."""

    model_config = ConfigDict(extra="forbid")
    vision_tower: bool = True
    projector: bool = False
    language_model: bool = False


class StageConfig(BaseModel):
    """One training stage. Batch sizes are in samples; accumulation is derived, never configured."""

    model_config = ConfigDict(extra="forbid")

    name: str = "stage"
    # Model source (the CLI's --model overrides all of these; init_from wins over model/parts).
    model: str | None = None
    vision_tower: str | None = None
    language_model: str | None = None
    init_from: str | None = None
    projector: str | None = Field(
        default=None,
        description="pretrained projector weights to start from, e.g. LLaVA-1.5's mm_projector.bin "
        "(Vision-Flan's stage 1 starts from it); torch or safetensors, LLaVA or transformers names",
    )

    freeze: Freeze = Field(default_factory=Freeze)
    lr: float = Field(gt=0)
    per_device_batch_size: int = Field(ge=1)
    global_batch_size: int = Field(ge=1)
    epochs: float | None = Field(default=None, gt=0)
    max_steps: int | None = Field(default=None, ge=1)
    warmup_steps: int = Field(default=0, ge=0)
    warmup_ratio: float = Field(default=0.0, ge=0, lt=1)
    weight_decay: float = Field(default=0.0, ge=0)
    adam_beta1: float = Field(default=0.9, ge=0, lt=1)
    adam_beta2: float = Field(default=0.999, ge=0, lt=1)
    max_grad_norm: float | None = Field(default=1.0, gt=0)
    schedule: Literal["cosine", "linear", "constant"] = "cosine"
    max_length: int = Field(ge=2)
    template: Literal["vicuna_v1", "plain"] = "vicuna_v1"
    image_aspect: Literal["pad", "resize"] = "pad"
    image_processing: Literal["exact", "fast"] = Field(
        default="fast",
        description="'exact' reproduces LLaVA's expand2square + CLIPImageProcessor; 'fast' decodes "
        "JPEGs at reduced scale and never resamples the padding (rounding-level differences)",
    )
    precision: Literal["bf16", "fp32"] = "bf16"
    gradient_checkpointing: bool = False
    checkpoint_layers: int | None = Field(
        default=None, ge=0,
        description="recompute only the first N decoder layers (None: all); the rest keep "
        "their activations, which costs memory and saves a forward pass each",
    )
    save_every: int | None = Field(default=None, ge=1)
    keep_checkpoints: int | None = Field(default=2, ge=1)
    log_every: int = Field(default=1, ge=1)
    num_workers: int = Field(default=2, ge=0)
    seed: int = 42
    report_to: list[ReportTo] = Field(
        default_factory=lambda: list[ReportTo](["tensorboard"]),
        description="metric sinks besides stdout and train_log.jsonl, each used when installed",
    )

    @field_validator("report_to", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        if value is None or value == "none":
            return []
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _check(self) -> StageConfig:
        if (self.epochs is None) == (self.max_steps is None):
            raise ValueError("set exactly one of epochs or max_steps")
        if self.warmup_steps and self.warmup_ratio:
            raise ValueError("set warmup_steps or warmup_ratio, not both")
        if self.global_batch_size % self.per_device_batch_size:
            raise ValueError(
                f"global_batch_size {self.global_batch_size} is not a multiple of "
                f"per_device_batch_size {self.per_device_batch_size}"
            )
        if self.freeze.vision_tower and self.freeze.projector and self.freeze.language_model:
            raise ValueError("every part is frozen: nothing to train")
        return self

    def accumulation_steps(self, world_size: int) -> int:
        """global = per_device x world_size x accumulation; anything else is a config error."""
        per_step = self.per_device_batch_size * world_size
        if self.global_batch_size % per_step:
            raise ConfigError(
                f"global_batch_size {self.global_batch_size} is not divisible by "
                f"per_device_batch_size {self.per_device_batch_size} x world_size {world_size}"
            )
        return self.global_batch_size // per_step

    def total_steps(self, steps_per_epoch: int, override: int | None = None) -> int:
        if override is not None:
            return override
        if self.max_steps is not None:
            return self.max_steps
        assert self.epochs is not None
        return max(1, math.ceil(self.epochs * steps_per_epoch))

    def num_warmup_steps(self, total_steps: int) -> int:
        return self.warmup_steps or math.ceil(self.warmup_ratio * total_steps)


def resolve_config_path(name_or_path: str | Path) -> Path:
    """A bare name (``stage1-cpu``) means the bundled ``configs/<name>.yaml``; else a file path."""
    path = Path(name_or_path)
    if path.is_file():
        return path
    bundled = CONFIG_DIR / f"{path.name.removesuffix('.yaml')}.yaml"
    if path.parent == Path(".") and bundled.is_file():
        return bundled
    raise ConfigError(f"config not found: {name_or_path} (nor bundled {bundled.name})")


def load_config(name_or_path: str | Path, **overrides: object) -> StageConfig:
    path = resolve_config_path(name_or_path)
    try:
        raw = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as e:
        raise ConfigError(f"{path}: invalid YAML: {e}") from e
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping at top level")
    raw.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return StageConfig.model_validate(raw)
    except ValidationError as e:
        errs = "; ".join(
            f"{'.'.join(str(x) for x in err['loc']) or 'config'}: {err['msg']}" for err in e.errors()
        )
        raise ConfigError(f"{path}: {errs}") from e
