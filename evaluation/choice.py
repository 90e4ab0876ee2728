"""Multiple choice: map a free-form answer to one option, the way MMBench's matcher does.

MMBench (VLMEvalKit ``can_infer``) first looks for an option label among the answer's tokens, then
for an option text inside the answer, and accepts a match only when exactly one option fits. We
keep that order and the "exactly one" rule, and add what our rendered labels need: lower-case labels
(``(b)``, ``b.``, ``b``) are accepted when they stand alone or lead the answer, never as a bare word
inside a sentence, where ``a`` is an article; and when several option texts fit, those contained in a
longer fitting text drop out (``dark red`` beats ``red``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .normalize import normalize_answer
from .schema import Option, RowError

_MMBENCH_SEPARATORS = str.maketrans({c: " " for c in ".()[],:;!*#{}"})
_PREFIX = re.compile(r"^\s*(?:the\s+)?(?:correct\s+)?(?:answer|option|choice)(?:\s+is)?\s*[:\-]?\s*", re.I)
_DECORATION = " \t\n.,:;!*#()[]{}\"'"
_LEADING_LABEL = re.compile(r"^[(\[]?([A-Za-z0-9]{1,2})(?:[)\].:]|\s*-)\s+")


def _bare(text: str) -> str:
    return _PREFIX.sub("", text).strip(_DECORATION).casefold()


def _by_label(answer: str, options: Sequence[Option]) -> Option | None:
    labels = {option.label.strip(_DECORATION).casefold(): option for option in options}
    bare = _bare(answer)
    if bare in labels:  # the whole answer is a label: "B", "(b)", "b.", "Answer: B"
        return labels[bare]
    leading = _LEADING_LABEL.match(_PREFIX.sub("", answer).lstrip())
    if leading and leading.group(1).casefold() in labels:  # "(b) a dog", "B. a dog"
        return labels[leading.group(1).casefold()]
    tokens = set(answer.translate(_MMBENCH_SEPARATORS).split())
    lowered = answer.casefold()
    found = [
        option
        for key, option in labels.items()
        if (key.isalpha() and key.upper() in tokens) or f"({key})" in lowered
    ]
    return found[0] if len(found) == 1 else None


def _by_text(answer: str, options: Sequence[Option]) -> Option | None:
    lowered = answer.casefold()
    whole = normalize_answer(answer)
    fitting = [o for o in options if o.text.strip() and _contains_words(lowered, o.text.strip().casefold())]
    exact = [o for o in fitting if normalize_answer(o.text) == whole]
    if len(exact) == 1:
        return exact[0]
    texts = [o.text.strip().casefold() for o in fitting]
    longest = [o for o, t in zip(fitting, texts, strict=True) if not any(t != u and t in u for u in texts)]
    return longest[0] if len(longest) == 1 else None


def _contains_words(haystack: str, needle: str) -> bool:
    """``needle`` occurs in ``haystack`` as whole words (``no`` is not in ``anonon``)."""
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


def match_option(answer: str, options: Sequence[Option]) -> Option | None:
    """The one option ``answer`` names, by label first and then by text; None when unmatchable."""
    return _by_label(answer, options) or _by_text(answer, options)


def correct_option(references: Sequence[str], options: Sequence[Option]) -> Option:
    """The option the references name (by label or by text); a row naming none or several is malformed."""
    refs = {_bare(r) for r in references}
    named = [o for o in options if _bare(o.label) in refs or _bare(o.text) in refs]
    if len(named) != 1:
        what = "none" if not named else "several (" + ", ".join(o.label for o in named) + ")"
        raise RowError("references", f"name {what} of the options")
    return named[0]


def mc_accuracy(prediction: str, references: Sequence[str], options: Sequence[Option]) -> tuple[float, bool]:
    """(score, unmatched). Without options, the answer must equal a reference once label decoration
    (``(b)``, ``b.``) and the VQA normalisation are stripped; unmatched cannot be told apart then."""
    if not options:
        bare, norm = _bare(prediction), normalize_answer(prediction)
        hit = any(_bare(r) == bare or normalize_answer(r) == norm for r in references)
        return (1.0 if hit else 0.0), False
    correct = correct_option(references, options)
    chosen = match_option(prediction, options)
    if chosen is None:
        return 0.0, True
    return (1.0 if chosen == correct else 0.0), False
