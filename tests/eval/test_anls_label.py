"""ANLS (ST-VQA / DocVQA definition) and label matching in sentence-shaped answers."""

from __future__ import annotations

import pytest
from visionflan_eval.answers import anls, label_in_answer
from visionflan_eval.metrics import _PER_EXAMPLE


def _levenshtein(a: str, b: str) -> int:
    """Textbook dynamic programme, independent of rapidfuzz."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


@pytest.mark.parametrize(
    ("prediction", "references", "expected"),
    [
        ("hello", ["hello"], 1.0),
        ("helo", ["hello"], 0.8),  # one edit in five characters
        ("HELLO ", ["hello"], 1.0),  # case and surrounding space do not count
        ("abc", ["abcdef"], 0.0),  # NL = 0.5 is not below the threshold
        ("abcd", ["abcdef"], 1 - 2 / 6),
        ("xyz", ["hello"], 0.0),
        ("1998", ["1999", "in 1998"], 0.75),  # the best reference: "1999", one edit in four
    ],
)
def test_anls_definition(prediction: str, references: list[str], expected: float) -> None:
    assert anls(prediction, references) == pytest.approx(expected)
    assert _anls_by_hand(prediction, references) == pytest.approx(expected)


def _anls_by_hand(prediction: str, references: list[str]) -> float:
    best = 0.0
    for reference in references:
        a, b = " ".join(prediction.lower().split()), " ".join(reference.lower().split())
        nl = _levenshtein(a, b) / max(len(a), len(b), 1)
        best = max(best, 1 - nl if nl < 0.5 else 0.0)
    return best


@pytest.mark.parametrize(
    ("prediction", "expected"),
    [
        ("Camel Pose", 1.0),
        ("The yoga pose is Camel Pose.", 1.0),
        ("camel pose", 1.0),
        ("The yoga pose is Camel.", 0.0),
        ("It is a Camelpose", 0.0),  # whole words only
    ],
)
def test_label_match(prediction: str, expected: float) -> None:
    assert _PER_EXAMPLE["label_match"](prediction, ["Camel Pose"]) == expected


def test_label_in_answer_is_word_bounded() -> None:
    assert label_in_answer("a scattered image", ["cat"]) == 0.0
    assert label_in_answer("a cat, sitting", ["cat"]) == 1.0
