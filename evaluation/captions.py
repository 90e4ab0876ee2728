"""Caption metrics as the COCO caption evaluation (pycocoevalcap) defines them: CIDEr-D, BLEU-4 and
ROUGE-L, so values compare with captioning papers, computed streaming (pycocoevalcap's own scorers
keep every row and take ~1 ms a caption; tests check our values equal theirs).

pycocoevalcap tokenises with Stanford's PTBTokenizer, a Java program; we tokenise in Python the same
way for the cases that matter (lower case, clitics split off as ``do n't`` / ``it 's``, punctuation
tokens dropped as pycocoevalcap drops them) and pass pre-tokenised text to its scorers, which need no
Java. CIDEr-D's document frequencies come from the task's own references, so a CIDEr task's captions
are held until the task is scored (see :mod:`.cider`); BLEU-4 and ROUGE-L keep only totals.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from .cider import CiderD

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


class CaptionScorer(Protocol):
    def add(self, candidate: str, references: Sequence[str]) -> None: ...
    def score(self) -> float: ...


class Bleu4:
    """Corpus BLEU-4 exactly as pycocoevalcap's ``BleuScorer`` (option ``closest``): its own
    ``cook_refs`` / ``cook_test`` count each row, and only the corpus totals are kept."""

    def __init__(self) -> None:
        self._testlen = 0
        self._reflen = 0
        self._guess = [0] * 4
        self._correct = [0] * 4

    def add(self, candidate: str, references: Sequence[str]) -> None:
        from pycocoevalcap.bleu.bleu_scorer import cook_refs, cook_test

        comps = cook_test(candidate, cook_refs(list(references)))
        testlen = comps["testlen"]
        self._testlen += testlen
        self._reflen += min((abs(length - testlen), length) for length in comps["reflen"])[1]
        for k in range(4):
            self._guess[k] += comps["guess"][k]
            self._correct[k] += comps["correct"][k]

    def score(self) -> float:
        small, tiny = 1e-9, 1e-15  # BleuScorer's smoothing constants
        bleu = 1.0
        for k in range(4):
            bleu *= (self._correct[k] + tiny) / (self._guess[k] + small)
        value: float = bleu ** (1.0 / 4)
        ratio = (self._testlen + tiny) / (self._reflen + small)
        return value * math.exp(1 - 1 / ratio) if ratio < 1 else value


class RougeL:
    """ROUGE-L as pycocoevalcap's ``Rouge`` computes it (F-measure with beta 1.2 from the best precision
    and the best recall over the references, averaged over rows); the longest common subsequence comes
    from rapidfuzz (C) instead of its pure-Python table."""

    BETA = 1.2

    def __init__(self) -> None:
        self._scores: Counter[float] = Counter()
        self._n = 0

    def add(self, candidate: str, references: Sequence[str]) -> None:
        from rapidfuzz.distance import LCSseq

        tokens = candidate.split(" ")
        best_p = best_r = 0.0
        for reference in references:
            ref = reference.split(" ")
            lcs = LCSseq.similarity(ref, tokens)
            best_p, best_r = max(best_p, lcs / len(tokens)), max(best_r, lcs / len(ref))
        beta2 = self.BETA**2
        value = (1 + beta2) * best_p * best_r / (best_r + beta2 * best_p) if best_p and best_r else 0.0
        self._scores[value] += 1
        self._n += 1

    def score(self) -> float:
        total = math.fsum(v * c for v, c in sorted(self._scores.items()))
        return total / self._n if self._n else 0.0


def scorer(metric: str) -> CaptionScorer:
    """A fresh corpus scorer for ``cider``, ``bleu4`` or ``rouge_l``."""
    if metric == "cider":
        return CiderD()
    if metric == "bleu4":
        return Bleu4()
    if metric == "rouge_l":
        return RougeL()
    raise ValueError(f"not a caption metric: {metric!r}")


def corpus_score(metric: str, predictions: Sequence[str], references: Sequence[Sequence[str]]) -> float:
    """One corpus score for ``metric`` over already tokenised text."""
    s = scorer(metric)
    for prediction, refs in zip(predictions, references, strict=True):
        s.add(prediction, refs)
    return s.score()
