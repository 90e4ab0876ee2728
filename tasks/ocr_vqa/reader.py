"""OCR-VQA: ``dataset.json`` keyed by book id, covers in ``images/<book id><suffix>``.

A book is ``{imageURL, questions: [...], answers: [...], title, authorName, genre, split}``, the
two lists parallel; ``split`` is 1 (train), 2 (val) or 3 (test). ``loadDataset.py`` saves each
cover as the book id plus the suffix of its ``imageURL``. The file (about 200,000 books) is
streamed with the reader kit's ``stream_json`` when ``ijson`` is installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, require, stream_json

SPLITS = {"train": 1, "val": 2, "test": 3}


def read_ocr_vqa(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "dataset.json",
    image_dir: str = "images",
    split: Literal["train", "val", "test"] = "train",
) -> Iterator[SourceRecord]:
    """One record per question of a book in ``split``, id ``<book id>_<question index>``.

    Field ``question``; the label is the answer. A book whose lists differ in length is reported
    once; a missing cover is reported for each of its questions.
    """
    path = root / annotations
    wanted = SPLITS[split]

    def questions() -> Iterator[tuple[object, tuple[str, Any, int]]]:
        """``(<book id>_<n>, (book id, book, n))`` per question of a book in the split; a book
        that cannot be split into questions comes once, with ``n = -1``, to be reported."""
        for book_id, raw in stream_json(context, path, "", pairs=True):
            if isinstance(raw, dict) and "split" in raw and raw["split"] != wanted:
                continue
            count = _pairs(raw)
            if not count:
                yield book_id, (book_id, raw, -1)
            for n in range(count):
                yield f"{book_id}_{n}", (book_id, raw, n)

    def build(_: object, item: tuple[str, Any, int]) -> SourceRecord:
        book_id, value, n = item
        raw = as_object(value)
        require(raw, "split")
        if n < 0:
            raise SkipRecord("questions and answers are not parallel non-empty lists",
                             field="questions")
        suffix = PurePosixPath(str(require(raw, "imageURL"))).suffix
        return SourceRecord(
            id=f"{book_id}_{n}", images=(context.image(f"{image_dir}/{book_id}{suffix}"),),
            fields={"question": str(raw["questions"][n]).strip()},
            label=str(raw["answers"][n]).strip(),
        )

    yield from context.build_each(questions(), build, file=path)


def _pairs(raw: object) -> int:
    """How many question-answer pairs a book has; 0 unless both lists exist and match."""
    if not isinstance(raw, dict):
        return 0
    questions, answers = raw.get("questions"), raw.get("answers")
    if not isinstance(questions, list) or not isinstance(answers, list) \
            or len(questions) != len(answers):
        return 0
    return len(questions)
