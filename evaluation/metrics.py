"""Per-task accumulators, one per metric: rows stream in, one number comes out.

Per-example metrics keep a histogram of scores (few distinct values: 0/1, VQA's k/30), summed
exactly in sorted order at the end, so the value does not depend on row or file order; caption
metrics are corpus-level and keep what their definition needs (:mod:`.captions`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .answers import anls, exact_match, label_in_answer, vqa_accuracy
from .captions import CaptionScorer, scorer, tokenize
from .choice import mc_accuracy
from .schema import Prediction

CAPTION_METRICS = frozenset({"cider", "bleu4", "rouge_l"})

_PER_EXAMPLE: dict[str, Callable[[str, Sequence[str]], float]] = {
    "vqa_accuracy": vqa_accuracy,
    "exact_match": exact_match,
    "anls": anls,
    "label_match": lambda p, r: max(exact_match(p, r), label_in_answer(p, r)),
}


@dataclass
class TaskScore:
    """Everything scored so far for one task."""

    task_id: str
    metric: str
    category: str
    n: int = 0
    unmatched: int = 0
    _scores: Counter[float] = field(default_factory=Counter)
    _exact: Counter[float] = field(default_factory=Counter)
    _corpus: CaptionScorer | None = None

    def __post_init__(self) -> None:
        if self.metric in CAPTION_METRICS:
            self._corpus = scorer(self.metric)

    def add(self, row: Prediction) -> None:
        """Score one row; raises RowError (nothing recorded) when the row cannot be scored."""
        if self.metric == "mc_accuracy":
            score, unmatched = mc_accuracy(row.prediction, row.references, row.options)
            self.unmatched += unmatched
            self._scores[score] += 1
        elif self._corpus is not None:
            self._corpus.add(tokenize(row.prediction), [tokenize(r) for r in row.references])
        else:
            self._scores[_PER_EXAMPLE[self.metric](row.prediction, row.references)] += 1
            if self.metric == "label_match":
                self._exact[exact_match(row.prediction, row.references)] += 1
        self.n += 1

    def result(self) -> dict[str, object]:
        """``{metric, value, n}``, plus ``unmatched`` for multiple choice and ``exact_match`` for labels."""
        value = self._corpus.score() if self._corpus is not None else _mean(self._scores, self.n)
        out: dict[str, object] = {"category": self.category, "metric": self.metric, "n": self.n,
                                  "value": value}  # fmt: skip
        if self.metric == "mc_accuracy":
            out["unmatched"] = self.unmatched
        if self.metric == "label_match":
            out["exact_match"] = _mean(self._exact, self.n)
        return out


def _mean(histogram: Counter[float], n: int) -> float:
    return math.fsum(value * count for value, count in sorted(histogram.items())) / n if n else 0.0
