"""The mixture spec: which tasks, how many examples of each, in which order, with which prompts.

A spec is YAML (a file, or a built-in name under ``mixtures/``) validated with pydantic. The resolved
spec is written to ``info.json``, so an export can always be reproduced from its own output.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .._yaml import load_yaml
from ..errors import VisionFlanError

DEFAULT_CAP = 10_000  # the paper: at most 10,000 instances per task (section 2.1)
DEFAULT_MIXTURE = "vision-flan-demo"

Rate = Literal["proportional", "temperature", "equal"]
Placement = Literal["task", "before", "after", "random"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Selection(_Strict):
    """Tasks to include: a task must match an ``include`` pattern and every non-empty filter."""

    include: list[str] = Field(default_factory=lambda: ["*"],
                               description="task ids, release names or shell globs over either")
    categories: list[str] = Field(default_factory=list, description="any of these (case-insensitive)")
    datasets: list[str] = Field(default_factory=list, description="any of these source dataset ids")


class HoldOut(_Strict):
    """Tasks kept out of the mixture (evaluation tasks): by id/release name/glob or by category."""

    tasks: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)


class MixtureSpec(_Strict):
    """A training mixture.

    Per task ``t`` with ``n_t`` examples available, ``c_t = min(n_t, cap)``. ``rate`` sets the
    realised count ``q_t <= c_t``: ``proportional`` keeps ``c_t`` (scaled down to ``total`` if
    given), ``temperature`` shares ``total`` in proportion to ``c_t ** (1 / temperature)``,
    ``equal`` gives every task the same count (``total / tasks``, or the smallest non-zero ``c_t``
    without a total).
    Counts a task cannot fill are redistributed to the others; ``cap`` is never exceeded.
    """

    name: str
    description: str = ""
    source: Literal["tasks", "llava-instruct"] = "tasks"
    fixtures: bool = Field(default=False, description="read every task from its bundled fixture")
    select: Selection = Field(default_factory=Selection)
    holdout: HoldOut = Field(default_factory=HoldOut)
    cap: int = Field(default=DEFAULT_CAP, ge=1)
    rate: Rate = "proportional"
    temperature: float = Field(default=1.0, gt=0)
    total: int | None = Field(default=None, ge=1)
    seed: int = 0
    image_placement: Placement = "task"
    extra_templates: dict[str, list[str]] = Field(
        default_factory=dict,
        description="task id -> template ids of the task, or .jinja paths relative to the spec file",
    )

    @model_validator(mode="after")
    def _temperature_needs_total(self) -> MixtureSpec:
        if self.rate == "temperature" and self.total is None:
            raise ValueError("rate 'temperature' needs 'total': without it every task keeps c_t")
        return self


def builtin_names() -> list[str]:
    """Names of the mixtures shipped with the package."""
    folder = resources.files(__package__).joinpath("mixtures")
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_mixture(name_or_path: str, **overrides: Any) -> tuple[MixtureSpec, Path | None]:
    """The spec for a built-in name or a YAML file, plus the folder relative paths start from.

    ``overrides`` (values that are not ``None``) replace top-level fields, e.g. ``seed`` or ``cap``.
    """
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.is_file():
        if not path.is_file():
            raise VisionFlanError(f"mixture file {path} does not exist")
        raw, base = load_yaml(path), path.resolve().parent
    elif name_or_path in builtin_names():
        folder = resources.files(__package__).joinpath("mixtures")
        raw, base = load_yaml(Path(str(folder.joinpath(f"{name_or_path}.yaml")))), None
    else:
        raise VisionFlanError(
            f"no mixture {name_or_path!r}: give a YAML file or one of {', '.join(builtin_names())}"
        )
    raw = {**(raw or {}), **{k: v for k, v in overrides.items() if v is not None}}
    try:
        return MixtureSpec.model_validate(raw), base
    except ValidationError as error:
        lines = [f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in error.errors()]
        raise VisionFlanError(f"mixture {name_or_path}: " + "; ".join(lines)) from error
