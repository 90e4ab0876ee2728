"""VizWiz: one image set (``train/VizWiz_train_<n:08d>.jpg``) under three annotation files.

- VQA, ``Annotations/<split>.json``: a list of questions with ten crowd answers each;
- captions, ``annotations/<split>.json``: COCO-caption style ``{"images": [{"file_name", "id", ...}],
  "annotations": [{"caption", "image_id", "is_precanned", "is_rejected", ...}]}``;
- image quality, ``image_quality/<split>.json``: a list of ``{"image", "flaws": {code: votes}}``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import (
    ReadContext,
    SkipRecord,
    SourceRecord,
    as_object,
    choice_index,
    load_shaped,
    require,
)


def read_vizwiz_vqa(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "Annotations/train.json",
    image_dir: str = "train",
    min_options: int = 2,
) -> Iterator[SourceRecord]:
    """One multiple-choice record per question: the options are the distinct crowd answers.

    The answer is the most frequent one (ties: first given). Questions whose crowd gave fewer than
    ``min_options`` distinct answers make no multiple-choice question and are passed over quietly.
    The record id is the question's position in the file: the release uses a running number.
    """
    path = root / annotations
    data = load_shaped(context, path, list)
    if data is None:
        return

    def build(position: object, item: Any) -> SourceRecord | None:
        raw = as_object(item)
        answers = [_answer_text(a) for a in require(raw, "answers")]
        answers = [a for a in answers if a]
        options = list(dict.fromkeys(answers))
        if len(options) < min_options:
            return None
        counts = Counter(answers)
        best = max(options, key=lambda a: (counts[a], -options.index(a)))
        return SourceRecord(
            id=str(position),
            images=(context.image(f"{image_dir}/{require(raw, 'image')}"),),
            fields={"question": str(require(raw, "question")).strip()},
            label=best,
            choices=tuple(options),
            answer_index=options.index(best),
        )

    yield from context.build_each(enumerate(data), build, file=path)


def _answer_text(answer: Any) -> str:
    if not isinstance(answer, dict):
        raise SkipRecord("an answer is not a JSON object", field="answers")
    return str(require(answer, "answer")).strip()


def read_vizwiz_captions(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "annotations/train.json",
    image_dir: str = "train",
) -> Iterator[SourceRecord]:
    """One record per image: its captions that are neither rejected nor pre-canned, in file order.

    Field and label: ``captions`` (a list). Images left with no caption are passed over quietly.
    The record id is the image's ``file_name`` (``VizWiz_train_00010575.jpg``), as released.
    """
    path = root / annotations
    images = load_shaped(context, path, list, "images")
    notes = load_shaped(context, path, list, "annotations")
    if images is None or notes is None:
        return
    by_image: dict[Any, list[str]] = defaultdict(list)
    for number, note in enumerate(notes):
        if not isinstance(note, dict) or "image_id" not in note or "caption" not in note:
            context.problem("caption without image_id or caption", file=path, record_id=f"#{number}",
                            field="annotations")
        elif not note.get("is_rejected") and not note.get("is_precanned"):
            by_image[note["image_id"]].append(str(note["caption"]).strip())

    def build(_: object, item: Any) -> SourceRecord | None:
        raw = as_object(item)
        captions = by_image.get(require(raw, "id"))
        if not captions:
            return None
        file_name = str(require(raw, "file_name"))
        return SourceRecord(
            id=file_name, images=(context.image(f"{image_dir}/{file_name}"),),
            fields={"captions": captions}, label=captions,
        )

    items = (((i.get("file_name") if isinstance(i, dict) else None) or f"#{n}", i)
             for n, i in enumerate(images))
    yield from context.build_each(items, build, file=path)


def read_vizwiz_quality(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "image_quality/train.json",
    image_dir: str = "train",
    flaws: Mapping[str, str],
) -> Iterator[SourceRecord]:
    """One multiple-choice record per image: every flaw name, the answer the most-voted flaw.

    ``flaws`` maps the flaw codes to their names, in the order the options are listed; the
    answer is the first code (in the file's order) with the strictly largest vote. A record
    whose votes are all zero, or whose winning code is not in ``flaws``, is reported. The
    record id is the 1-based position in the file, MultiInstruct's running count.
    """
    path = root / annotations
    data = load_shaped(context, path, list)
    if data is None:
        return
    names = tuple(flaws.values())

    def build(position: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        votes = require(raw, "flaws")
        if not isinstance(votes, dict):
            raise SkipRecord("flaws is not a JSON object", field="flaws")
        best, most = None, 0
        for code, count in votes.items():
            if not isinstance(count, int):
                raise SkipRecord(f"flaw {code} has no vote count", field="flaws")
            if count > most:
                best, most = code, count
        if best is None:
            raise SkipRecord("no flaw has a vote", field="flaws")
        if best not in flaws:
            raise SkipRecord(f"unknown flaw {best!r}", field="flaws")
        return SourceRecord(
            id=str(position), images=(context.image(f"{image_dir}/{require(raw, 'image')}"),),
            fields={}, label=flaws[best], choices=names,
            answer_index=choice_index(names, flaws[best], field="flaws"),
        )

    yield from context.build_each(enumerate(data, start=1), build, file=path)
