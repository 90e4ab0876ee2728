"""``vf-eval generate``: batched greedy answers of a saved LLaVA model to held-out task prompts.

The model folder is what ``vf-train`` saves as ``RUN/final`` (or any llava-hf checkpoint): the
processor's own chat template renders each prompt as training rendered it, the tokenizer pads on
the left, and ``model.generate`` decodes a whole batch greedily with the KV cache (one forward per
new token for the batch). Rows go to ``EVAL/predictions.jsonl`` batch by batch, each batch in one
write, flushed: a killed run is continued by running the same command again (a torn last line is
dropped, finished rows are kept, a batch is always regenerated whole so its padding, hence its
numbers, are those of an uninterrupted run). ``EVAL/generate.json`` records the settings, how each
task's records were chosen and a fingerprint; a different command on the same folder is refused.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import click

if TYPE_CHECKING:
    import torch
    from transformers import LlavaForConditionalGeneration, ProcessorMixin

    from .examples import TaskReport

PREDICTIONS = "predictions.jsonl"
MANIFEST = "generate.json"
SKIPPED = "skipped.jsonl"


class Prompt(Protocol):
    """What generation needs of an example (:class:`.examples.EvalExample`, or a benchmark's own)."""

    @property
    def id(self) -> str: ...
    @property
    def prompt(self) -> str: ...
    @property
    def images(self) -> tuple[Path, ...]: ...
    def row(self, prediction: str) -> dict[str, Any]: ...


class GenerateError(click.ClickException):
    """A run that cannot start or continue; one line naming what and why."""


@dataclass
class Generator:
    """A loaded model and its processor, answering batches of prompts greedily."""

    model: LlavaForConditionalGeneration
    processor: ProcessorMixin
    max_new_tokens: int

    @classmethod
    def load(cls, path: Path, max_new_tokens: int, device: str | None = None,
             dtype: str | None = None) -> Generator:
        """The model and processor saved in ``path`` (``save_pretrained`` output), ready to generate."""
        import torch
        from transformers import AutoProcessor, LlavaForConditionalGeneration

        device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        default = torch.bfloat16 if device != "cpu" else torch.float32
        torch_dtype = getattr(torch, dtype) if dtype else default
        try:
            processor = AutoProcessor.from_pretrained(path)  # type: ignore[no-untyped-call]
            model = LlavaForConditionalGeneration.from_pretrained(path, dtype=torch_dtype)
        except (OSError, ValueError) as error:
            raise GenerateError(f"{path}: not a saved LLaVA model with its processor ({error})") from error
        if not getattr(processor, "chat_template", None):
            raise GenerateError(f"{path}: the processor has no chat template; save it with the "
                                "processor vf-train writes (RUN/final)")
        processor.tokenizer.padding_side = "left"
        model.to(torch.device(device))  # type: ignore[arg-type]  # transformers' stub types it oddly
        return cls(model.eval(), processor, max_new_tokens)  # type: ignore[no-untyped-call]

    def prompts(self, examples: Sequence[Prompt]) -> list[str]:
        """Each example's prompt through the saved chat template, with the generation prompt."""
        return [self.processor.apply_chat_template([{"role": "user", "content": e.prompt}],
                                                   add_generation_prompt=True) for e in examples]

    def inputs(self, examples: Sequence[Prompt]) -> dict[str, torch.Tensor]:
        """One left-padded batch: token ids, attention mask and every image's pixels, in order."""
        from PIL import Image

        images = []
        for example in examples:
            for path in example.images:
                with Image.open(path) as image:
                    images.append(image.convert("RGB"))
        batch = self.processor(images=images or None, text=self.prompts(examples), padding=True,
                               return_tensors="pt")
        return {k: v.to(self.model.device) for k, v in batch.items()}

    def answer(self, examples: Sequence[Prompt]) -> list[str]:
        """Greedy answers, one ``generate`` call for the whole batch."""
        import torch

        inputs = self.inputs(examples)
        if "pixel_values" in inputs:
            inputs["pixel_values"] = inputs["pixel_values"].to(self.model.dtype)
        with torch.inference_mode():
            out = self.model.generate(**inputs, max_new_tokens=self.max_new_tokens, do_sample=False,
                                      num_beams=1, use_cache=True,
                                      pad_token_id=self.processor.tokenizer.pad_token_id)
        new = out[:, inputs["input_ids"].shape[1]:]
        return [text.strip() for text in self.processor.batch_decode(  # type: ignore[no-untyped-call]
            new, skip_special_tokens=True)]


def model_stamp(path: Path) -> list[list[Any]]:
    """Names, sizes and modification times of the model folder's files (part of the fingerprint)."""
    return [[p.name, p.stat().st_size, p.stat().st_mtime_ns] for p in sorted(path.iterdir()) if p.is_file()]


def fingerprint(settings: dict[str, Any], examples: Sequence[Prompt]) -> str:
    """What makes two runs the same run: the settings and every example id, prompt and image."""
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode())
    for e in examples:
        digest.update(json.dumps([e.id, e.prompt, [str(p) for p in e.images]]).encode())
    return digest.hexdigest()


def finished_rows(path: Path) -> list[dict[str, Any]]:
    """Rows already written; a torn last line (the run was killed mid-write) is cut off the file."""
    if not path.is_file():
        return []
    data = path.read_bytes()
    keep = data.rfind(b"\n") + 1
    if keep != len(data):
        with path.open("r+b") as handle:
            handle.truncate(keep)
    return [json.loads(line) for line in data[:keep].splitlines() if line.strip()]


def write_json(path: Path, value: Any) -> None:
    """Write ``path`` whole or not at all (temporary file, then rename)."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(path)


def run(examples: Sequence[Prompt], out: Path, generator: Generator, batch_size: int,
        progress: bool = True) -> int:
    """Answer every example not yet in ``out/predictions.jsonl``; returns how many rows were added.

    Batches are fixed slices of ``examples``, so a resumed run batches exactly like a fresh one.
    """
    path = out / PREDICTIONS
    done = {row["id"] for row in finished_rows(path)}
    added, start, last = 0, time.monotonic(), 0.0
    with path.open("a", encoding="utf-8") as handle:
        for first in range(0, len(examples), batch_size):
            batch = examples[first:first + batch_size]
            if all(e.id in done for e in batch):
                continue
            answers = generator.answer(batch)
            lines = [json.dumps(e.row(a), ensure_ascii=False) + "\n"
                     for e, a in zip(batch, answers, strict=True) if e.id not in done]
            handle.write("".join(lines))
            handle.flush()
            os.fsync(handle.fileno())
            added += len(lines)
            now = time.monotonic()
            if progress and now - last >= 10:
                last = now
                total = min(first + batch_size, len(examples))
                click.echo(f"generate: {total}/{len(examples)} ({100 * total // len(examples)}%) "
                           f"{added / (now - start):.2f} samples/s", err=True)
    return added


@click.command("generate")
@click.option("--model", "model_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="a saved LLaVA model folder with its processor (vf-train's RUN/final)")
@click.option("--tasks", "patterns", required=True, multiple=True,
              help="task ids, release names, globs or holdout:MIXTURE (comma-separated or repeated)")
@click.option("--data-root", type=click.Path(path_type=Path, file_okay=False),
              help="real data, one folder per dataset (default: every task's bundled fixture)")
@click.option("--split", default=None,
              help="official evaluation split (e.g. val) for tasks whose reader reads one split; "
                   "other tasks use the records the training mixture never selects")
@click.option("--train-mixture", default=None,
              help="the mixture the model was trained on (default: the holdout: one, else vision-flan)")
@click.option("--out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="evaluation folder: predictions.jsonl, generate.json, skipped.jsonl")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="at most N examples per task")
@click.option("--batch-size", type=click.IntRange(min=1), default=8, show_default=True)
@click.option("--max-new-tokens", type=click.IntRange(min=1), default=64, show_default=True)
@click.option("--device", default=None, help="torch device (default: cuda if available, else cpu)")
@click.option("--dtype", type=click.Choice(["float32", "bfloat16", "float16"]), default=None,
              help="default: bfloat16 on a GPU, float32 on CPU")
def generate(model_dir: Path, patterns: tuple[str, ...], data_root: Path | None, split: str | None,
             train_mixture: str | None, out: Path, limit: int | None, batch_size: int,
             max_new_tokens: int, device: str | None, dtype: str | None) -> None:
    """Answer each selected task's evaluation prompts with MODEL; write EVAL/predictions.jsonl."""
    from visionflan_core.errors import VisionFlanError
    from visionflan_core.registry import discover

    from .examples import plan, resolve_tasks

    if not (model_dir / "config.json").is_file():
        raise GenerateError(f"--model {model_dir}: no config.json (give a folder like vf-train's RUN/final)")
    items = [p.strip() for item in patterns for p in item.split(",") if p.strip()]
    registry = discover()
    try:
        selection = resolve_tasks(registry, items, train_mixture)
        examples, reports, problems = plan(registry, selection, data_root, split, limit)
    except VisionFlanError as error:
        raise GenerateError(str(error)) from error
    settings = {
        "model": str(model_dir.resolve()), "model_files": model_stamp(model_dir),
        "tasks": selection.task_ids, "data": "fixtures" if data_root is None else str(data_root.resolve()),
        "split": split, "train_mixture": selection.train_mixture.model_dump(mode="json"),
        "limit": limit, "batch_size": batch_size, "max_new_tokens": max_new_tokens,
        "device": device, "dtype": dtype,
    }
    print_reports(reports)
    if not examples:
        raise GenerateError("nothing to evaluate: no selected task has evaluation records (see the lines "
                            "above; first problem: " + (str(problems[0]) if problems else "none") + ")")
    key = fingerprint(settings, examples)
    out.mkdir(parents=True, exist_ok=True)
    manifest = out / MANIFEST
    if manifest.is_file():
        previous = json.loads(manifest.read_text(encoding="utf-8")).get("fingerprint")
        if previous != key:
            raise GenerateError(f"{out} holds a run with other settings, model or data; "
                                "run the same command to continue it, or pass another --out")
    elif (out / PREDICTIONS).exists():
        raise GenerateError(f"{out / PREDICTIONS} exists without {MANIFEST}; pass another --out")
    record = {"fingerprint": key, "settings": settings, "tasks": [r.to_json() for r in reports],
              "examples": len(examples), "complete": False}
    write_json(manifest, record)
    with (out / SKIPPED).open("w", encoding="utf-8") as handle:
        for p in problems:
            handle.write(json.dumps({"task": p.task_id, "file": p.file, "record": p.record_id,
                                     "field": p.field, "reason": p.message}, ensure_ascii=False) + "\n")
    generator = Generator.load(model_dir, max_new_tokens, device, dtype)
    added = run(examples, out, generator, batch_size)
    write_json(manifest, {**record, "complete": True})
    click.echo(f"{out / PREDICTIONS}: {len(examples)} predictions over {len(reports)} tasks "
               f"({added} generated now, {len(examples) - added} kept from before); "
               f"{len(problems)} records skipped ({out / SKIPPED})")


def print_reports(reports: Sequence[TaskReport]) -> None:
    """One line per task on stderr: its rule and counts; a task with nothing to evaluate says so."""
    for r in reports:
        note = "" if r.evaluated else "  <- nothing to evaluate"
        limited = f", {r.over_limit} past --limit" if r.over_limit else ""
        click.echo(f"{r.task_id}: {r.evaluated} of {r.read} records ({r.rule}; {r.in_training} in training, "
                   f"{r.problems} problems{limited}){note}", err=True)


if __name__ == "__main__":  # ``python -m visionflan_eval.generate`` while the vf-eval CLI is elsewhere
    sys.exit(generate())
