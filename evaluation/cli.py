"""``vf-eval``: generate predictions, score them, compare two scored runs.

    vf-eval generate ...                     (model inference; visionflan_eval.generate)
    vf-eval score FILE... --out EVAL         (writes EVAL/results.json and EVAL/skipped.jsonl)
    vf-eval compare EVAL_A EVAL_B [--json]

Subcommands load on use: ``score`` and ``compare`` never import torch, transformers or task plugins.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import click

from . import __version__

_LAZY = {
    "generate": ("visionflan_eval.generate", "generate", "Generate predictions with a model (inference)."),
    "score": ("visionflan_eval.cli", "score", "Score predictions files with each task's metric."),
    "compare": ("visionflan_eval.cli", "compare", "Per-task and per-category differences of two runs."),
}


class LazyGroup(click.Group):
    """Lists every subcommand without importing it; imports one only when it runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_LAZY)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """``--help`` lists the commands from their one-line help here, importing none of them."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, _LAZY[name][2]) for name in self.list_commands(ctx)])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _LAZY:
            return None
        module_name, attribute, help_text = _LAZY[cmd_name]
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as e:
            if e.name != module_name:
                raise
            return _missing(cmd_name, module_name, help_text)
        command = getattr(module, attribute)
        if not isinstance(command, click.Command):
            raise click.ClickException(f"{module_name}.{attribute} is not a click command")
        return command


def _missing(name: str, module_name: str, help_text: str) -> click.Command:
    """A stand-in that takes any arguments and says why the real command is not there."""

    def fail(args: tuple[str, ...]) -> None:
        raise click.ClickException(
            f"`vf-eval {name}` is not available: module {module_name} is not installed"
        )

    return click.Command(
        name,
        callback=fail,
        params=[click.Argument(["args"], nargs=-1, type=click.UNPROCESSED)],
        context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
        help=f"{help_text} [unavailable: {module_name} missing]",
    )


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="vf-eval")
def main() -> None:
    """Evaluate models on Vision-Flan tasks, each with its own metric."""


@click.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for results.json and skipped.jsonl.")  # fmt: skip
@click.option("--max-shown", default=20, show_default=True, help="Skipped rows printed to stderr.")
def score(files: tuple[Path, ...], out: Path, max_shown: int) -> None:
    """Score predictions FILES (JSON Lines) into OUT/results.json and print the table."""
    from .report import results_table
    from .score import Skipped, score_files

    out.mkdir(parents=True, exist_ok=True)
    shown = 0
    with (out / "skipped.jsonl").open("w") as skipped_file:

        def on_skip(skipped: Skipped) -> None:
            nonlocal shown
            skipped_file.write(json.dumps(skipped.as_dict(), sort_keys=True) + "\n")
            if shown < max_shown:
                click.echo(
                    f"skipped {skipped.file}:{skipped.line} [{skipped.field}] {skipped.reason}", err=True
                )
            shown += 1

        results = score_files(files, on_skip)
    (out / "results.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    skipped_rows = results["skipped"]["rows"]  # type: ignore[index]
    if shown > max_shown:
        click.echo(f"... {shown - max_shown} more skipped rows in {out / 'skipped.jsonl'}", err=True)
    if not results["tasks"]:
        raise click.ClickException(
            f"no scorable rows in {len(files)} file(s) ({skipped_rows} skipped, see {out / 'skipped.jsonl'})"
        )
    click.echo(results_table(results))
    click.echo(f"\nwrote {out / 'results.json'}")


@click.command()
@click.argument("eval_a", type=click.Path(exists=True, path_type=Path))
@click.argument("eval_b", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON.")
def compare(eval_a: Path, eval_b: Path, as_json: bool) -> None:
    """Differences B - A per task and per category (EVAL folders or results.json files)."""
    from .compare import compare as diff_results
    from .compare import compare_table, load_results

    try:
        a, b = load_results(eval_a), load_results(eval_b)
    except (OSError, ValueError) as e:
        raise click.ClickException(f"cannot read results: {e}") from e
    diff = diff_results(a, b)
    if as_json:
        click.echo(json.dumps(diff, indent=2, sort_keys=True))
    else:
        click.echo(f"A: {eval_a}\nB: {eval_b}\n")
        click.echo(compare_table(diff))


if __name__ == "__main__":
    sys.exit(main())
