"""MOCHEG: ``mocheg/<split>/Corpus2.csv`` and the proof images in ``mocheg/<split>/images/``.

Corpus2.csv has one row per claim and text evidence; the claim's columns repeat on each. The task
follows MultiInstruct's preprocessing: the ruling outline, less a leading or trailing sentence
that states the verdict, is the context; one proof image shows; the verdict is yes, no or not sure.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import (
    ReadContext,
    SkipRecord,
    SourceRecord,
    choice_index,
    derive_seed,
    require,
)

ANSWERS = {"supported": "yes", "refuted": "no", "NEI": "not sure"}
# a sentence ends at . ! or ?, maybe followed by closing quotes or brackets, before a space and a
# capital letter, a digit or an opening quote
SENTENCE_END = re.compile(r"[.!?]['\")\]]*(?=\s+[\"'A-Z0-9])")


def read_mocheg(
    context: ReadContext,
    root: Path,
    *,
    split: str = "mocheg/train",
    verdicts: Sequence[str] = (),
    answers: Mapping[str, str] | None = None,
) -> Iterator[SourceRecord]:
    """One multiple-choice record per claim (its first Corpus2 row), id the ``claim_id``.

    Fields: ``claim`` and ``context``; choices the answer words in ``answers`` order (yes, no,
    not sure), label the claim's. Claims with no proof image or no sentence left are passed over
    quietly; an unknown ``cleaned_truthfulness`` is reported.
    """
    words = dict(answers or ANSWERS)
    options = tuple(words.values())
    folder = root / split
    path = folder / "Corpus2.csv"
    proofs: dict[str, list[str]] = defaultdict(list)
    if (folder / "images").is_dir():
        for image in sorted(p.name for p in (folder / "images").iterdir()):
            claim, marker, _ = image.partition("-proof")
            if marker:
                proofs[claim].append(image)
    else:
        context.problem("no images folder", file=folder / "images")

    def build(claim_id: object, row: Any) -> SourceRecord | None:
        truthfulness = str(require(row, "cleaned_truthfulness")).strip()
        if truthfulness not in words:
            raise SkipRecord(f"unknown cleaned_truthfulness {truthfulness!r}", field="cleaned_truthfulness")
        sentences = _without_verdicts(_sentences(str(require(row, "ruling_outline"))), verdicts)
        claim = str(require(row, "Claim")).strip()
        if not claim:
            raise SkipRecord("empty claim", field="Claim")
        images = proofs.get(str(claim_id))
        if not sentences or not images:
            return None
        image = images[derive_seed("mocheg", claim_id) % len(images)]
        answer = words[truthfulness]
        return SourceRecord(
            id=str(claim_id), images=(context.image(f"{split}/images/{image}"),),
            fields={"context": " ".join(sentences), "claim": claim}, label=answer,
            choices=options, answer_index=choice_index(options, answer),
        )

    first: dict[str, Any] = {}
    for row in _rows(context, path):
        first.setdefault(str(row.get("claim_id") or "").strip(), row)
    first.pop("", None)
    yield from context.build_each(first.items(), build, file=path)


def _rows(context: ReadContext, path: Path) -> list[dict[str, Any]]:
    """Corpus2.csv's rows, quoted newlines kept (the kit's load_rows joins a field's lines, which
    would glue sentences together); a read or parse error is reported and ends the file there."""
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 26))  # evidence articles run long
    rows: list[dict[str, Any]] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            reader = csv.DictReader(stream)
            try:
                rows.extend(reader)
            except csv.Error as error:
                context.problem(f"CSV error near line {reader.line_num}: {error}", file=path)
    except UnicodeDecodeError as error:
        context.problem(f"not UTF-8 at byte {error.start}", file=path)
    except OSError as error:
        context.problem(f"cannot read: {error.strerror or error}", file=path)
    return rows


def _sentences(text: str) -> list[str]:
    cuts = [0, *(m.end() for m in SENTENCE_END.finditer(text)), len(text)]
    pieces = (text[start:end].strip() for start, end in itertools.pairwise(cuts))
    return [piece for piece in pieces if piece]


def _without_verdicts(sentences: list[str], verdicts: Sequence[str]) -> list[str]:
    """MultiInstruct's filter: per verdict phrase in order, drop the first, then the last sentence
    that contains it (case-sensitive), until none is left."""
    kept = list(sentences)
    for verdict in verdicts:
        if kept and verdict in kept[0]:
            kept.pop(0)
        if kept and verdict in kept[-1]:
            kept.pop()
        if not kept:
            break
    return kept
