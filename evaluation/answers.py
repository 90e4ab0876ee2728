"""Per-example scores for short answers and labels: VQA accuracy, exact match, ANLS, label match."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from .normalize import normalize_answer

ANLS_THRESHOLD = 0.5


def exact_match(prediction: str, references: Sequence[str]) -> float:
    """1.0 when the normalised prediction equals any normalised reference."""
    answer = normalize_answer(prediction)
    return 1.0 if any(normalize_answer(r) == answer for r in references) else 0.0


def vqa_accuracy(prediction: str, references: Sequence[str]) -> float:
    """The official VQA accuracy: the mean over the leave-one-out subsets of the human answers of
    ``min(1, matches / 3)``. With a single reference there is no subset to leave one out of, so the
    score is normalised exact match."""
    if len(references) == 1:
        return exact_match(prediction, references)
    answer = normalize_answer(prediction)
    matches = [normalize_answer(r) == answer for r in references]
    total = sum(matches)
    return sum(min(1.0, (total - hit) / 3) for hit in matches) / len(matches)


def _anls_text(text: str) -> str:
    return " ".join(text.lower().split())


def anls(prediction: str, references: Sequence[str]) -> float:
    """Average Normalized Levenshtein Similarity for one question (ST-VQA / DocVQA): the best over
    the references of ``1 - NL`` where the normalised edit distance ``NL`` is below 0.5, else 0.
    Answers are compared lower-cased with whitespace collapsed, as the DocVQA evaluator does."""
    answer = _anls_text(prediction)
    best = 0.0
    for reference in references:
        distance = Levenshtein.normalized_distance(answer, _anls_text(reference))
        if distance < ANLS_THRESHOLD:
            best = max(best, 1.0 - distance)
    return best


def label_in_answer(prediction: str, references: Sequence[str]) -> float:
    """1.0 when a normalised reference label is the whole answer or a run of whole words in it, so the
    sentence ``The yoga pose is Camel Pose.`` names the label ``camel pose``."""
    answer = f" {normalize_answer(prediction)} "
    for reference in references:
        label = normalize_answer(reference)
        if label and f" {label} " in answer:
            return 1.0
    return 0.0
