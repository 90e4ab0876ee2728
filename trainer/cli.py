"""``vf-train``: train one stage (default command) or run stage 1 then stage 2 (``pipeline``).

    vf-train --config stage1 --data OUT --output-dir RUN [--model tiny|PATH] [--max-steps N]
             [--resume] [--strategy single|ddp|fsdp]
    vf-train pipeline --stage1 CFG --stage2 CFG --stage1-data D1 --stage2-data D2 --output-dir RUN

Multi-GPU: ``torchrun --nproc-per-node 8 -m visionflan_trainer.cli --config ... --strategy fsdp``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .config import ConfigError, StageConfig, load_config
from .logs import setup_stdout_logging
from .model import ModelError
from .records import DataError

F = TypeVar("F", bound=Callable[..., Any])
STRATEGIES = click.Choice(["single", "ddp", "fsdp"])


def _friendly(fn: Callable[[], Any]) -> Any:
    """Turn our known failure types into one-line click errors instead of tracebacks."""
    try:
        return fn()
    except (ConfigError, DataError, ModelError) as e:
        raise click.ClickException(str(e)) from e


def _load(config: str, **overrides: object) -> StageConfig:
    return _friendly(lambda: load_config(config, **overrides))


def _common(fn: F) -> F:
    for opt in reversed(
        [
            click.option("--model", default=None, help="tiny | LLaVA checkpoint dir (overrides config)."),
            click.option(
                "--strategy", type=STRATEGIES, default=None, help="Default: ddp under torchrun, else single."
            ),
            click.option(
                "--image-folder",
                type=click.Path(path_type=Path),
                default=None,
                help="Extra folder to resolve relative image paths against.",
            ),
        ]
    ):
        fn = opt(fn)
    return fn


def _strategy(name: str | None) -> Any:
    return name or ("ddp" if int(os.environ.get("WORLD_SIZE", "1")) > 1 else "single")


class _DefaultGroup(click.Group):
    """A group whose bare invocation (``vf-train --config ...``) runs the ``train`` command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["train", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Train LLaVA-architecture models on Vision-Flan (LLaVA-format) data."""
    setup_stdout_logging(int(os.environ.get("RANK", "0")))


@main.command()
@click.option(
    "--config", "config", required=True, help="Stage YAML path or bundled name (stage1, stage1-cpu, ...)."
)
@click.option("--data", required=True, type=click.Path(path_type=Path), help="LLaVA JSON file or folder.")
@click.option("--output-dir", required=True, type=click.Path(path_type=Path))
@click.option("--max-steps", type=click.IntRange(min=1), default=None, help="Override the step count.")
@click.option("--resume", is_flag=True, help="Continue from the latest OUT/checkpoints/step-N.")
@_common
def train(
    config: str,
    data: Path,
    output_dir: Path,
    max_steps: int | None,
    resume: bool,
    model: str | None,
    strategy: str | None,
    image_folder: Path | None,
) -> None:
    """Train one stage."""
    from .run import run_stage

    cfg = _load(config)
    if not data.exists():
        raise click.UsageError(f"data folder does not exist: {data}")
    result = _friendly(
        lambda: run_stage(cfg, data, output_dir, model, max_steps, resume, _strategy(strategy), image_folder)
    )
    if result.final_dir:
        click.echo(f"final model: {result.final_dir}")


@main.command()
@click.option("--stage1", "stage1", required=True, help="Stage-1 config (path or bundled name).")
@click.option("--stage2", "stage2", required=True, help="Stage-2 config (path or bundled name).")
@click.option("--stage1-data", required=True, type=click.Path(path_type=Path))
@click.option("--stage2-data", required=True, type=click.Path(path_type=Path))
@click.option("--output-dir", required=True, type=click.Path(path_type=Path))
@click.option("--resume", is_flag=True, help="Resume either stage from its latest checkpoint.")
@_common
def pipeline(
    stage1: str,
    stage2: str,
    stage1_data: Path,
    stage2_data: Path,
    output_dir: Path,
    resume: bool,
    model: str | None,
    strategy: str | None,
    image_folder: Path | None,
) -> None:
    """Stage 1, then stage 2 initialised from stage 1's final model."""
    from .run import run_stage

    for d in (stage1_data, stage2_data):
        if not d.exists():
            raise click.UsageError(f"data folder does not exist: {d}")
    out1, out2 = output_dir / "stage1", output_dir / "stage2"
    cfg1 = _load(stage1)
    cfg2 = _load(stage2, init_from=str(out1 / "final"))
    strat = _strategy(strategy)
    if not (resume and (out1 / "final" / "config.json").is_file()):
        _friendly(lambda: run_stage(cfg1, stage1_data, out1, model, None, resume, strat, image_folder))
    result = _friendly(lambda: run_stage(cfg2, stage2_data, out2, None, None, resume, strat, image_folder))
    if result.final_dir:
        click.echo(f"final model: {result.final_dir}")


if __name__ == "__main__":
    main()
