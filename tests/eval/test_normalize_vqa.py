"""VQA normalisation and accuracy against the official vqaEval.py behaviour and definition."""

from __future__ import annotations

import pytest
from visionflan_eval.answers import exact_match, vqa_accuracy
from visionflan_eval.normalize import normalize_answer


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("Two", "2"),  # number words
        ("none", "0"),
        ("the cat.", "cat"),  # articles; a period not before a digit goes
        ("An apple", "apple"),
        ("3.5", "3.5"),  # a decimal point stays
        ("1,000", "1000"),  # a comma inside a number: every listed punctuation mark is deleted
        ("yes!", "yes"),  # a mark not next to a space becomes a space
        ("black-and-white", "black and white"),
        ("red , blue", "red blue"),  # a mark next to a space is deleted
        ("dont", "don't"),  # contractions get their apostrophe
        ("isnt it", "isn't it"),
        ("Im", "im"),  # the official table's capitalised keys never match lower-cased words
        ("  left\tside\n", "left side"),
    ],
)
def test_official_normalisation(raw: str, normalised: str) -> None:
    assert normalize_answer(raw) == normalised


@pytest.mark.parametrize(
    ("matches", "expected"), [(0, 0.0), (1, 0.3), (2, 0.6), (3, 0.9), (4, 1.0), (10, 1.0)]
)
def test_vqa_accuracy_leave_one_out(matches: int, expected: float) -> None:
    """The official leave-one-out average: 3 of 10 humans agreeing gives 0.9, not min(3/3, 1) = 1."""
    references = ["2"] * matches + ["3"] * (10 - matches)
    assert vqa_accuracy("two", references) == pytest.approx(expected)


def test_three_matches_differ_from_plain_min() -> None:
    references = ["yes"] * 3 + ["no"] * 7
    assert min(3 / 3, 1) == 1.0
    assert vqa_accuracy("Yes.", references) == pytest.approx(0.9)


def test_single_reference_is_exact_match() -> None:
    assert vqa_accuracy("The Cat", ["cat"]) == 1.0
    assert vqa_accuracy("dog", ["cat"]) == 0.0


def test_exact_match_normalises_both_sides() -> None:
    assert exact_match("Two dogs.", ["2 dogs"]) == 1.0
    assert exact_match("two dogs", ["3 dogs", "dogs"]) == 0.0
