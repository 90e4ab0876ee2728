"""Multiple choice matching, MMBench-style (VLMEvalKit ``can_infer``): label first, then text."""

from __future__ import annotations

import pytest
from visionflan_eval.choice import match_option, mc_accuracy
from visionflan_eval.schema import Option, RowError

UPPER = [Option("A", "dog"), Option("B", "cat"), Option("C", "bird")]
LOWER = [Option("a", "dog"), Option("b", "cat"), Option("c", "dark red"), Option("d", "red")]


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        ("B", "B"),
        ("(B)", "B"),
        ("b.", "B"),
        ("(b)", "B"),
        ("The answer is B.", "B"),  # MMBench: exactly one label among the tokens
        ("B. cat", "B"),  # label and text
        ("cat", "B"),  # text only
        ("It looks like a cat to me", "B"),  # the article "a" is not a label
        ("A dog and a cat", "A"),  # MMBench's known quantifier case: the capital A reads as label A
        ("dog or cat", None),  # two texts: unmatchable
        ("I cannot tell", None),
        ("B or C", None),  # two labels, no text: unmatchable
    ],
)
def test_match_upper_labels(answer: str, label: str | None) -> None:
    chosen = match_option(answer, UPPER)
    assert (chosen.label if chosen else None) == label


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        ("b", "b"),
        ("(b) cat", "b"),
        ("b) cat", "b"),
        ("Answer: (d)", "d"),
        ("a dog", "a"),  # no label stands alone: the text decides
        ("a cat", "b"),
        ("dark red", "c"),  # "red" is inside "dark red": the longer text wins
        ("red", "d"),
    ],
)
def test_match_lower_labels(answer: str, label: str) -> None:
    chosen = match_option(answer, LOWER)
    assert chosen is not None and chosen.label == label


def test_mc_accuracy_counts_unmatched_separately() -> None:
    refs = ["b", "cat"]
    assert mc_accuracy("(b)", refs, LOWER) == (1.0, False)
    assert mc_accuracy("dog", refs, LOWER) == (0.0, False)
    assert mc_accuracy("no idea", refs, LOWER) == (0.0, True)


def test_references_must_name_one_option() -> None:
    with pytest.raises(RowError) as e:
        mc_accuracy("b", ["fish"], LOWER)
    assert e.value.field == "references"


def test_without_options_compares_with_references() -> None:
    assert mc_accuracy("(B)", ["B", "cat"], []) == (1.0, False)
    assert mc_accuracy("The cat.", ["B", "cat"], []) == (1.0, False)
    assert mc_accuracy("dog", ["B", "cat"], []) == (0.0, False)


def test_option_text_inside_a_longer_word_does_not_match() -> None:
    """A degenerate generation (``(anonono``) does not pick option "no" from inside a word."""
    options = [Option("a", "no"), Option("b", "yes")]
    assert match_option("(anononononon", options) is None
    assert match_option("I think no.", options) == options[0]
