"""Corpus-level caption metrics from pycocoevalcap (the COCO caption evaluation code): CIDEr-D,
BLEU-4 and ROUGE-L, so values compare with captioning papers.

pycocoevalcap tokenises with Stanford's PTBTokenizer, a Java program; we tokenise in Python the same
way for the cases that matter (lower case, clitics split off as ``do n't`` / ``it 's``, punctuation
tokens dropped as pycocoevalcap drops them) and pass pre-tokenised text to its scorers, which need no
Java. CIDEr-D's document frequencies come from the task's own references, so a task's captions are
held until the task is scored: memory grows with caption rows, time stays linear.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

_CLITIC = re.compile(r"(?i)(\w)(n't)\b|(\w)('(?:s|re|ve|ll|d|m))\b")
_TOKEN = re.compile(r"[^\W_]+(?:[-./'&][^\W_]+)*|n't|'\w+|\S")
# pycocoevalcap.tokenizer.ptbtokenizer.PUNCTUATIONS, plus the brackets PTB writes as -LRB- etc.
_DROP = frozenset({"''", "'", "``", "`", ".", "?", "!", ",", ":", "-", "--", "...", ";", "(", ")", "[", "]",
                   "{", "}", '"'})  # fmt: skip


def _split_clitic(m: re.Match[str]) -> str:
    if m.group(1):
        return f"{m.group(1)} {m.group(2)}"
    return f"{m.group(3)} {m.group(4)}"


def tokenize(text: str) -> str:
    """PTB-style tokens joined by spaces, as pycocoevalcap's scorers expect."""
    text = _CLITIC.sub(_split_clitic, text.lower())
    return " ".join(t for t in _TOKEN.findall(text) if t not in _DROP)


def _quiet(fn: Callable[..., T], *args: object) -> T:
    with contextlib.redirect_stdout(io.StringIO()):  # BleuScorer prints its length ratios
        return fn(*args)


def corpus_score(metric: str, predictions: Sequence[str], references: Sequence[Sequence[str]]) -> float:
    """One task's corpus score for ``metric`` (``cider``, ``bleu4`` or ``rouge_l``) over tokenised text."""
    res = {i: [p] for i, p in enumerate(predictions)}
    gts = {i: list(r) for i, r in enumerate(references)}
    if metric == "cider":
        from pycocoevalcap.cider.cider import Cider

        return float(_quiet(Cider().compute_score, gts, res)[0])
    if metric == "bleu4":
        from pycocoevalcap.bleu.bleu import Bleu

        return float(_quiet(Bleu(4).compute_score, gts, res)[0][3])
    if metric == "rouge_l":
        from pycocoevalcap.rouge.rouge import Rouge

        return float(_quiet(Rouge().compute_score, gts, res)[0])
    raise ValueError(f"not a caption metric: {metric!r}")
