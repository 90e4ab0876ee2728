"""``vf-train``: train one stage (default command) or run stage 1 then stage 2 (``pipeline``).

    vf-train --config stage1 --data OUT --output-dir RUN [--model tiny|PATH] [--max-steps N]
             [--resume | --overwrite] [--allow-incomplete] [--strategy single|ddp|fsdp]
    vf-train pipeline --stage1 CFG --stage2 CFG --stage1-data D1 --stage2-data D2 --output-dir RUN

Multi-GPU: ``torchrun --nproc-per-node 8 -m visionflan_trainer.cli --config ... --strategy fsdp``.
torch, transformers and pydantic are imported only once a command runs, so ``--help`` and
``--version`` answer at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .errors import ConfigError, DataError, ModelError
from .logs import setup_stdout_logging

if TYPE_CHECKING:
    from .config import StageConfig

F = TypeVar("F", bound=Callable[..., Any])
STRATEGIES = click.Choice(["single", "ddp", "fsdp"])


def _friendly(fn: Callable[[], Any]) -> Any:
    """Turn our known failure types into one-line click errors instead of tracebacks."""
    try:
        return fn()
    except (ConfigError, DataError, ModelError) as e:
        raise click.ClickException(str(e)) from e


def _load(config: str, **overrides: object) -> StageConfig:
    from .config import load_config

    cfg: StageConfig = _friendly(lambda: load_config(config, **overrides))
    return cfg


def _is_main() -> bool:
    return int(os.environ.get("RANK", "0")) == 0


def _claim(out: Path, inputs: list[Path], resume: bool, overwrite: bool) -> None:
    """Rank 0 checks the run folder (other ranks would race its marker); then marks it ours."""
    from .outdir import claim_output_dir, mark_run_folder

    if _is_main():
        _friendly(lambda: claim_output_dir(out, inputs, resume, overwrite))
        mark_run_folder(out)


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
            click.option(
                "--overwrite",
                is_flag=True,
                help="Delete an existing vf-train run in --output-dir and start over.",
            ),
            click.option(
                "--allow-incomplete",
                is_flag=True,
                help="Train on an export that has not finished (no COMPLETED marker).",
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
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["train", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vf-train")
def main() -> None:
    """Train LLaVA-architecture models on Vision-Flan (LLaVA-format) data.

    Progress and metrics go to stdout, errors to stderr.
    """
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
    overwrite: bool,
    allow_incomplete: bool,
) -> None:
    """Train one stage."""
    cfg = _load(config)
    if not data.exists():
        raise click.UsageError(f"data folder does not exist: {data}")
    _claim(output_dir, [p for p in (data, image_folder) if p], resume, overwrite)
    from .run import run_stage

    strat = _strategy(strategy)
    result = _friendly(
        lambda: run_stage(
            cfg, data, output_dir, model, max_steps, resume, strat, image_folder, allow_incomplete
        )
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
    overwrite: bool,
    allow_incomplete: bool,
) -> None:
    """Stage 1, then stage 2 initialised from stage 1's final model.

    Every input (both configs, both data sets) is checked before stage 1 starts.
    """
    for d in (stage1_data, stage2_data):
        if not d.exists():
            raise click.UsageError(f"data folder does not exist: {d}")
    out1, out2 = output_dir / "stage1", output_dir / "stage2"
    cfg1 = _load(stage1)
    cfg2 = _load(stage2, init_from=str(out1 / "final"))
    inputs = [p for p in (stage1_data, stage2_data, image_folder) if p]
    _claim(output_dir, inputs, resume, overwrite)
    from .checkpoint import latest_checkpoint
    from .run import check_inputs, run_stage

    for name, cfg, data in (("stage-1", cfg1, stage1_data), ("stage-2", cfg2, stage2_data)):
        try:
            check_inputs(data, cfg, image_folder, allow_incomplete)
        except (DataError, ConfigError) as e:
            raise click.ClickException(f"{name} data: {e}") from e
    strat = _strategy(strategy)
    stage1_done = (out1 / "final" / "config.json").is_file()
    if resume and not stage1_done and latest_checkpoint(out1) is None:
        raise click.ClickException(
            f"--resume: stage 1 has neither a final model nor a checkpoint under {out1}; "
            "start over with --overwrite"
        )
    if not (resume and stage1_done):
        _friendly(
            lambda: run_stage(
                cfg1, stage1_data, out1, model, None, resume, strat, image_folder, allow_incomplete
            )
        )
    resume2 = resume and latest_checkpoint(out2) is not None
    result = _friendly(
        lambda: run_stage(cfg2, stage2_data, out2, None, None, resume2, strat, image_folder, allow_incomplete)
    )
    if result.final_dir:
        click.echo(f"final model: {result.final_dir}")


if __name__ == "__main__":
    main()
