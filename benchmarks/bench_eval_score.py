"""`vf-eval score` on synthetic predictions against a naive scorer, both in this one run.

The synthetic file mixes every metric the way a Vision-Flan evaluation does (mostly labels, multiple
choice and short answers, a tenth captions) over ``--tasks`` tasks. Two sides, each in its own
process so peak memory is its own:
  ours:   the ``vf-eval score`` command (streaming, one pass, cached answer normalisation)
  naive:  read every row into a list, group by task, score each row with the same answer metrics but
          without the normalisation cache, and captions with pycocoevalcap's own Cider / Bleu / Rouge
          classes (what a first script would do)
Both must give the same per-task values (to 1e-9) before any time is printed.

Usage: python benchmarks/bench_eval_score.py [--rows 1000000] [--tasks 200] [--keep DIR]
The last line printed is the JSON summary.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

# words drawn with Zipf weights (1 / rank), as in real text: n-grams repeat the way captions' do
WORDS = ["the", "a", "two", "cat", "dog", "red", "yes", "no", "camel", "pose"] + [
    f"w{i}" for i in range(1990)
]
CUMULATIVE = list(itertools.accumulate(1 / rank for rank in range(1, len(WORDS) + 1)))
MIX = [  # (metric, answer_type, share of tasks): the registry's 209 tasks by answer type (label 69,
    # multiple choice 41, short answer 50, free text 38, structured 11), free text mostly CIDEr
    ("label_match", "label", 0.33),
    ("mc_accuracy", "multiple_choice", 0.20),
    ("vqa_accuracy", "short_answer", 0.18),
    ("anls", "short_answer", 0.06),
    ("exact_match", "structured", 0.05),
    ("cider", "free_text", 0.14),
    ("rouge_l", "free_text", 0.02),
    ("bleu4", "free_text", 0.02),
]


def _phrase(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(rng.choices(WORDS, cum_weights=CUMULATIVE, k=rng.randint(lo, hi)))


def _row(rng: random.Random, i: int, task: str, metric: str, answer_type: str) -> dict[str, Any]:
    row: dict[str, Any] = {"id": i, "task_id": task, "release_name": task, "category": f"cat{hash(task) % 7}",
                           "answer_type": answer_type, "metric": metric, "prompt": "Question?"}  # fmt: skip
    right = rng.random() < 0.6
    if metric == "mc_accuracy":
        texts = rng.sample(WORDS[10:400], 4)  # distinct, never a label, so references name one option
        options = [{"label": chr(97 + k), "text": text} for k, text in enumerate(texts)]
        correct = rng.choice(options)
        chosen = correct if right else rng.choice(options)
        row["options"] = options
        row["references"] = [correct["label"], correct["text"]]
        row["prediction"] = rng.choice(
            [f"({chosen['label']})", chosen["text"], f"{chosen['label']}. x", "unsure"]
        )
    elif metric == "vqa_accuracy":
        answers = [_phrase(rng, 1, 2) for _ in range(3)]
        row["references"] = [rng.choice(answers) for _ in range(10)]
        row["prediction"] = rng.choice(answers) if right else _phrase(rng, 1, 2)
    elif metric in ("label_match", "exact_match"):
        label = _phrase(rng, 1, 2)
        row["references"] = [label]
        row["prediction"] = (
            (f"The answer is {label}." if rng.random() < 0.5 else label) if right else _phrase(rng, 1, 3)
        )
    elif metric == "anls":
        answer = _phrase(rng, 1, 3)
        row["references"] = [answer, answer.upper()]
        row["prediction"] = answer[:-1] if right else _phrase(rng, 1, 3)
    else:
        references = [_phrase(rng, 8, 14) for _ in range(5)]
        row["references"] = references
        row["prediction"] = references[0] if right else _phrase(rng, 8, 14)
    return row


def generate(path: Path, rows: int, tasks: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    plan = []
    for metric, answer_type, share in MIX:
        plan += [(metric, answer_type)] * max(1, round(share * tasks))
    with path.open("w") as f:
        for i in range(rows):
            t = i % len(plan)
            f.write(json.dumps(_row(rng, i, f"task{t:03d}", *plan[t])) + "\n")


def naive(path: Path) -> dict[str, Any]:
    """Everything in memory, no normalisation cache, the same metric functions."""
    from pycocoevalcap.bleu.bleu import Bleu
    from pycocoevalcap.cider.cider import Cider
    from pycocoevalcap.rouge.rouge import Rouge
    from visionflan_eval import answers, choice, metrics, normalize
    from visionflan_eval.captions import tokenize
    from visionflan_eval.schema import parse_row

    uncached = normalize.normalize_answer.__wrapped__  # type: ignore[attr-defined]
    answers.normalize_answer = choice.normalize_answer = uncached  # type: ignore[attr-defined]
    rows = [parse_row(json.loads(line)) for line in path.read_text().splitlines() if line.strip()]
    by_task: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        by_task[row.task_id].append(row)
    values = {}
    for task, items in by_task.items():
        metric = items[0].metric
        if metric in metrics.CAPTION_METRICS:
            gts = {i: [tokenize(x) for x in r.references] for i, r in enumerate(items)}
            res = {i: [tokenize(r.prediction)] for i, r in enumerate(items)}
            with contextlib.redirect_stdout(io.StringIO()):
                if metric == "cider":
                    values[task] = Cider().compute_score(gts, res)[0]
                elif metric == "bleu4":
                    values[task] = Bleu(4).compute_score(gts, res)[0][3]
                else:
                    values[task] = Rouge().compute_score(gts, res)[0]
        elif metric == "mc_accuracy":
            values[task] = math.fsum(
                choice.mc_accuracy(r.prediction, r.references, r.options)[0] for r in items
            )
            values[task] /= len(items)
        else:
            fn = metrics._PER_EXAMPLE[metric]
            values[task] = math.fsum(fn(r.prediction, r.references) for r in items) / len(items)
    return values


def _timed(command: list[str], out: Path) -> tuple[float, float, float, str]:
    """Wall time, this child's own CPU time (user + system) and peak RSS (MiB, from wait4), its stdout.
    CPU time is the figure to trust on a shared machine: wall time includes waiting for a core."""
    start = time.perf_counter()
    with out.open("w") as stdout, (out.with_suffix(".err")).open("w") as stderr:
        proc = subprocess.Popen(command, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{' '.join(command)} failed:\n{out.with_suffix('.err').read_text()[-3000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read_text()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--keep", type=Path, default=None, help="Keep the synthetic file and outputs here.")
    parser.add_argument("--naive-side", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.naive_side:  # the baseline's own process
        print(json.dumps(naive(args.naive_side)))
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_eval_"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        summary = run(work, args.rows, args.tasks)
    finally:
        if args.keep is None:
            shutil.rmtree(work)
    print(json.dumps(summary))


def run(work: Path, rows: int, tasks: int) -> dict[str, Any]:
    data = work / "predictions.jsonl"
    start = time.perf_counter()
    generate(data, rows, tasks)
    generated_s = time.perf_counter() - start
    vf_eval = str(Path(sys.executable).with_name("vf-eval"))
    ours_s, ours_cpu, ours_mib, _ = _timed(
        [vf_eval, "score", str(data), "--out", str(work / "eval")], work / "ours.out"
    )
    naive_s, naive_cpu, naive_mib, naive_out = _timed(
        [sys.executable, __file__, "--naive-side", str(data)], work / "naive.out"
    )
    ours = json.loads((work / "eval" / "results.json").read_text())
    expected = json.loads(naive_out.strip().splitlines()[-1])
    got = {task: r["value"] for task, r in ours["tasks"].items()}
    assert got.keys() == expected.keys(), "the two sides scored different tasks"
    for task, value in got.items():
        assert math.isclose(value, expected[task], rel_tol=1e-9, abs_tol=1e-12), (task, value, expected[task])
    assert ours["skipped"]["rows"] == 0 and sum(r["n"] for r in ours["tasks"].values()) == rows
    summary: dict[str, Any] = {
        "rows": rows,
        "tasks": len(got),
        "file_mib": round(data.stat().st_size / 2**20, 1),
        "ours_s": round(ours_s, 2),
        "ours_cpu_s": round(ours_cpu, 2),
        "ours_rows_per_cpu_s": round(rows / ours_cpu),
        "ours_rows_per_s": round(rows / ours_s),
        "naive_s": round(naive_s, 2),
        "naive_cpu_s": round(naive_cpu, 2),
        "naive_rows_per_s": round(rows / naive_s),
        "speedup_wall": round(naive_s / ours_s, 2),
        "speedup_cpu": round(naive_cpu / ours_cpu, 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
        "ours_peak_rss_mib": round(ours_mib, 1),
        "naive_peak_rss_mib": round(naive_mib, 1),
        "generate_s": round(generated_s, 1),
        "equal_results": True,
    }
    return summary


if __name__ == "__main__":
    main()
