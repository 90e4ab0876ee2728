"""Token lengths of the captioning tasks' fixture exports, checked with the trainer's own data code.

Exports the captioning tasks (categories Coarse- and Fine-grained Captioning, plus the other long
caption tasks named by ``--include``) from their fixtures with ``vf-tasks export --format llava``,
then loads the export the way ``vf-train`` does (``load_records``, the stage config's template,
``ConversationEncoder`` expanding each ``<image>`` to the vision tower's 576-token span,
``build_dataset`` with the stage's ``max_length``) and prints per task: records, max and mean
tokens, and how many exceed ``max_length``. What the trainer drops is written to
``<out>/dropped.jsonl`` by the trainer's own ``write_drop_report``, as a training run does.

The tokenizer is Llama/Vicuna-shaped (Metaspace, BOS first, ``legacy=False``, 32,000 entries, as
``tests/trainer/conftest.py`` builds its small one) with BPE merges learned offline from English
text that ships with Python and the installed packages (the ``pydoc`` topics, package METADATA
descriptions, standard-library sources). ``--tokenizer DIR`` uses a local checkpoint's tokenizer
(e.g. Vicuna's) instead. Because the fixtures hold 3-10 short records, a second pass with
``--demo-max-length`` (default: just above the longest fixture record) shows how an over-long
record is reported.

    python benchmarks/caption_lengths.py [--out OUT] [--config stage1] [--tokenizer DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import yaml
from visionflan_trainer.config import load_config
from visionflan_trainer.conversation import ConversationEncoder, build_segments
from visionflan_trainer.data import build_dataset
from visionflan_trainer.images import ImageSpec
from visionflan_trainer.records import DropReport, load_records
from visionflan_trainer.run import write_drop_report

CATEGORIES = ("Coarse-grained Captioning", "Fine-grained Captioning")
INCLUDE = ("CONCADIA+*",)  # issue 13's caption + context tasks (category Knowledge Extraction)
IMAGE_SEQ_LENGTH = 576  # CLIP ViT-L/14 at 336 px: (336 / 14) ** 2 patches, one token each
CLIP_MEAN = (0.48145466, 0.4578275, 0.40821073)
CLIP_STD = (0.26862954, 0.26130258, 0.27577711)


def vf_tasks(*args: str) -> str:
    exe = Path(sys.executable).with_name("vf-tasks")
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"vf-tasks {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def caption_tasks(categories: list[str], include: list[str]) -> list[str]:
    """Task ids of the given categories, plus the tasks whose id or release name matches ``include``."""
    from fnmatch import fnmatchcase

    tasks = json.loads(vf_tasks("list", "--json"))
    wanted = {c.lower() for c in categories}
    chosen = [t["id"] for t in tasks
              if str(t.get("category", "")).lower() in wanted
              or any(fnmatchcase(t["id"], p) or fnmatchcase(t.get("release_name") or "", p) for p in include)]
    return sorted(chosen)


def export(tasks: list[str], out: Path) -> Path:
    mixture = out / "caption-lengths.yaml"
    spec = {"name": "caption-lengths", "description": "Captioning tasks from their fixtures, every record.",
            "source": "tasks", "fixtures": True, "select": {"include": tasks}, "cap": 10000, "seed": 0}
    mixture.write_text(yaml.safe_dump(spec, sort_keys=False))
    vf_tasks("export", str(out / "export"), "--mixture", str(mixture), "--format", "llava", "--overwrite")
    return out / "export"


def english_corpus(limit: int = 6_000_000) -> list[str]:
    """English prose and documented code that ship with Python and the installed packages."""
    import pydoc_data.topics

    texts = list(pydoc_data.topics.topics.values())
    purelib = Path(sysconfig.get_paths()["purelib"])
    texts += [p.read_text(errors="ignore") for p in sorted(purelib.glob("*.dist-info/METADATA"))]
    total = sum(map(len, texts))
    for path in sorted(Path(sysconfig.get_paths()["stdlib"]).glob("*.py")):
        if total > limit:
            break
        texts.append(path.read_text(errors="ignore"))
        total += len(texts[-1])
    return texts


def llama_like_tokenizer(vocab_size: int = 32000) -> Any:
    """A Vicuna-sized Llama tokenizer trained offline (as tests/trainer/conftest.py, at full size)."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import LlamaTokenizer

    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=["<unk>", "<s>", "</s>"],
                                  show_progress=False)
    tok.train_from_iterator(english_corpus(), trainer=trainer)
    model = json.loads(tok.to_str())["model"]
    merges = [tuple(m) if isinstance(m, list) else tuple(m.split(" ")) for m in model["merges"]]
    llama = LlamaTokenizer(vocab=model["vocab"], merges=merges, legacy=False, add_bos_token=True)
    llama.add_special_tokens({"pad_token": "<pad>"})
    return llama


def load_tokenizer(path: str | None) -> Any:
    if path is None:
        tokenizer = llama_like_tokenizer()
    else:
        from transformers import AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(path)
    if "<image>" not in tokenizer.get_vocab():
        tokenizer.add_tokens(["<image>"], special_tokens=True)
    if tokenizer.pad_token is None:
        tokenizer.add_special_tokens({"pad_token": "<pad>"})
    return tokenizer


def check(
    data: Path, tokenizer: Any, template: Any, max_length: int, out: Path
) -> tuple[Any, Any, DropReport]:
    """The trainer's load-time path (prepare_data without a model): records, encodings, drop report."""
    records, report = load_records(data, template)
    encoder = ConversationEncoder(tokenizer, tokenizer.convert_tokens_to_ids("<image>"), IMAGE_SEQ_LENGTH)
    encoded = encoder.encode_many([build_segments(r.turns, template) for r in records])
    spec = ImageSpec(size=336, mean=CLIP_MEAN, std=CLIP_STD)
    build_dataset(records, encoder, template, max_length, spec, report)
    write_drop_report(report, out)
    return records, encoded, report


def task_of(data: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    for shard in sorted((data / "llava").glob("*.json")):
        names.update({r["id"]: r["task_name"] for r in json.loads(shard.read_text())})
    return names


def released(path: Path, names: set[str], tokenizer: Any, template: Any, max_length: int) -> None:
    """Tokens of the released sample instances of these tasks (real-size targets, one per task)."""
    from visionflan_trainer.conversation import normalize_image_placement

    encoder = ConversationEncoder(tokenizer, tokenizer.convert_tokens_to_ids("<image>"), IMAGE_SEQ_LENGTH)
    items = [r for r in json.loads(path.read_text()) if r.get("task_name") in names]
    turns = [[(t["from"], normalize_image_placement(t["value"])) for t in r["conversations"]] for r in items]
    encoded = encoder.encode_many([build_segments(t, template) for t in turns])
    print(f"\nreleased instances ({path.name}), same tokenizer and rules:")
    print(f"| task | tokens | target words | over {max_length} |")
    print("| --- | --- | --- | --- |")
    for item, enc in sorted(zip(items, encoded, strict=True), key=lambda pair: pair[0]["task_name"]):
        words = len(item["conversations"][-1]["value"].split())
        over = int(len(enc.input_ids) > max_length)
        print(f"| {item['task_name']} | {len(enc.input_ids)} | {words} | {over} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="working folder (default: a temporary one, kept)")
    parser.add_argument("--config", default="stage1", help="stage config giving max_length and template")
    parser.add_argument("--tokenizer", help="a local tokenizer folder instead of the offline-trained one")
    parser.add_argument("--category", action="append", help=f"repeatable; default {list(CATEGORIES)}")
    parser.add_argument("--include", action="append", help=f"more task globs; default {list(INCLUDE)}")
    parser.add_argument("--release-json", type=Path,
                        help="also measure the released instances of these tasks (tasks_web.json)")
    parser.add_argument("--demo-max-length", type=int, help="second pass; default longest record - 1")
    args = parser.parse_args()

    out = args.out or Path(tempfile.mkdtemp(prefix="caption-lengths-"))
    out.mkdir(parents=True, exist_ok=True)
    cfg = load_config(args.config)
    tasks = caption_tasks(args.category or list(CATEGORIES), args.include or list(INCLUDE))
    data = export(tasks, out)
    tokenizer = load_tokenizer(args.tokenizer)
    records, encoded, report = check(data, tokenizer, cfg.template, cfg.max_length, out / "check")
    names = task_of(data)

    lengths: dict[str, list[int]] = defaultdict(list)
    for record, enc in zip(records, encoded, strict=True):
        lengths[names.get(record.id, "?")].append(len(enc.input_ids))
    dropped = {d.id for d in report.dropped}
    print(f"{len(tasks)} tasks exported from fixtures to {data}; tokenizer: "
          f"{args.tokenizer or 'offline Llama-like BPE'} ({len(tokenizer)} entries); template "
          f"{cfg.template}; each image = {IMAGE_SEQ_LENGTH} tokens; "
          f"max_length {cfg.max_length} ({args.config})")
    print(f"| task | records | max tokens | mean tokens | over {cfg.max_length} | dropped by trainer |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in sorted(lengths):
        values = lengths[name]
        ids = [r.id for r in records if names.get(r.id) == name]
        print(f"| {name} | {len(values)} | {max(values)} | {statistics.mean(values):.0f} | "
              f"{sum(v > cfg.max_length for v in values)} | {sum(i in dropped for i in ids)} |")
    print(f"trainer: {report.summary(len(records) - len(report.dropped))}; "
          f"{out / 'check' / 'dropped.jsonl'} has {len(report.dropped)} lines")

    if args.release_json:
        released(args.release_json, set(lengths), tokenizer, cfg.template, cfg.max_length)

    longest = max(len(e.input_ids) for e in encoded)
    demo = args.demo_max_length or longest - 1
    _, _, demo_report = check(data, tokenizer, cfg.template, demo, out / "demo")
    print(f"\nhow an over-long record is reported (max_length {demo}, {out / 'demo' / 'dropped.jsonl'}):")
    for line in (out / "demo" / "dropped.jsonl").read_text().splitlines()[:5]:
        print("  " + line)
    print(f"  -> {demo_report.summary(len(records) - len(demo_report.dropped))}")


if __name__ == "__main__":
    main()
