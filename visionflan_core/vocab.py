"""Controlled vocabularies: the paper's 25 categories, the three task groups, answer types.

Kept free of heavy imports: `vf-tasks list` reads these on every start.
"""

from __future__ import annotations

CATEGORIES: tuple[str, ...] = (
    "Perception",
    "Outside Knowledge",
    "Reasoning",
    "OCR",
    "Document-Level OCR",
    "Phrase-Level OCR",
    "Knowledge Extraction",
    "Semantic Art Understanding",
    "Visual Dialogue",
    "Rational and Script Generation",
    "Coarse-grained Captioning",
    "Fine-grained Captioning",
    "Scene Classification",
    "Animal Classification",
    "Vehicle Classification",
    "Human Activity",
    "Facial Recognition",
    "Anomaly Detection",
    "General Object",
    "Complex Reasoning",
    "Image Text Matching",
    "General Object Classification in Special Image Domain",
    "Image-Style Classification",
    "Image Quality Classification",
    "Texture Classification",
)

GROUPS: tuple[str, ...] = ("question answering", "classification", "generation")

ANSWER_TYPES: tuple[str, ...] = (
    "multiple_choice",  # the target names one of the rendered options
    "short_answer",  # a word or phrase (VQA-style)
    "label",  # a class name, possibly wrapped in a sentence
    "free_text",  # captions, rationales, descriptions
    "structured",  # lists, matchings, coordinates
)
