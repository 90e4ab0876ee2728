"""Caption metrics against values worked out by hand from each metric's definition, and against
pycocoevalcap (the COCO caption evaluation code) on random corpora."""

from __future__ import annotations

import contextlib
import io
import math
import random

import pytest
from visionflan_eval.captions import corpus_score, tokenize
from visionflan_eval.cider import CiderD


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("A man riding a horse.", "a man riding a horse"),
        ("The dog doesn't bark, it's quiet!", "the dog does n't bark it 's quiet"),
        ("A black-and-white photo (1950s)", "a black-and-white photo 1950s"),
        ("It costs 3.5 dollars...", "it costs 3.5 dollars"),
    ],
)
def test_ptb_style_tokens(text: str, tokens: str) -> None:
    assert tokenize(text) == tokens


def test_bleu4_by_hand() -> None:
    """Papineni et al.: p1..p4 = 5/6, 3/5, 2/4, 1/3, equal lengths so no brevity penalty."""
    score = corpus_score("bleu4", ["the cat sat on the mat"], [["the cat sat on a mat"]])
    assert score == pytest.approx((5 / 6 * 3 / 5 * 2 / 4 * 1 / 3) ** 0.25, rel=1e-6)


def test_rouge_l_by_hand() -> None:
    """Lin's ROUGE-L F with the COCO evaluation's beta = 1.2: LCS 3, P = 1, R = 1/2."""
    p, r, beta = 1.0, 0.5, 1.2
    expected = (1 + beta**2) * p * r / (r + beta**2 * p)
    assert corpus_score("rouge_l", ["the cat sat"], [["the cat sat on the mat"]]) == pytest.approx(expected)


def test_cider_d_by_hand() -> None:
    """CIDEr-D (Vedantam et al., as pycocoevalcap computes it): tf-idf n-gram vectors with idf from the
    two images' references, clipped candidate counts, a Gaussian length penalty (sigma 6), times 10.

    Image 1 repeats its reference exactly: n = 1, 2 have cosine 1 and n = 3, 4 have no n-grams, so
    10 * (1 + 1 + 0 + 0) / 4 = 5. Image 0 says "a b a b" for "a b": unigram cosine 2/4, bigram
    1/sqrt(5), length difference 2."""
    image0 = 10 * (0.5 + 1 / math.sqrt(5)) / 4 * math.exp(-(2**2) / (2 * 6**2))
    score = corpus_score("cider", ["a b a b", "c d"], [["a b"], ["c d"]])
    assert score == pytest.approx((image0 + 5.0) / 2)


def test_empty_prediction_scores_zero() -> None:
    for metric in ("cider", "bleu4", "rouge_l"):
        assert corpus_score(metric, [""], [["a dog runs"]]) == pytest.approx(0.0, abs=1e-6)


def _random_corpus(seed: int) -> tuple[list[str], list[list[str]]]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(30)]

    def phrase(lo: int, hi: int) -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(lo, hi)))

    references = [[phrase(1, 12) for _ in range(rng.randint(1, 5))] for _ in range(rng.randint(1, 120))]
    predictions = [refs[0] if rng.random() < 0.3 else phrase(0, 12) for refs in references]
    return predictions, references


@pytest.mark.parametrize("seed", range(6))
def test_equal_to_pycocoevalcap(seed: int) -> None:
    """Our streaming scorers give pycocoevalcap's own numbers (its Cider, Bleu(4) and Rouge classes)."""
    from pycocoevalcap.bleu.bleu import Bleu
    from pycocoevalcap.cider.cider import Cider
    from pycocoevalcap.rouge.rouge import Rouge

    predictions, references = _random_corpus(seed)
    gts = {i: refs for i, refs in enumerate(references)}
    res = {i: [p] for i, p in enumerate(predictions)}
    with contextlib.redirect_stdout(io.StringIO()):  # BleuScorer prints its length ratios
        expected = {
            "cider": Cider().compute_score(gts, res)[0],
            "bleu4": Bleu(4).compute_score(gts, res)[0][3],
            "rouge_l": Rouge().compute_score(gts, res)[0],
        }
    for metric, value in expected.items():
        assert corpus_score(metric, predictions, references) == pytest.approx(value, rel=1e-9, abs=1e-12), (
            metric
        )


def test_cider_per_row_scores_match_pycocoevalcap() -> None:
    from pycocoevalcap.cider.cider import Cider

    predictions, references = _random_corpus(42)
    ours = CiderD()
    for prediction, refs in zip(predictions, references, strict=True):
        ours.add(prediction, refs)
    theirs = Cider().compute_score(dict(enumerate(references)), {i: [p] for i, p in enumerate(predictions)})[
        1
    ]
    assert ours.scores() == pytest.approx(list(theirs), rel=1e-9, abs=1e-12)
