"""The reader kit: everything a dataset reader needs, from one public module.

A reader is ``reader(context, root, **options) -> Iterator[SourceRecord]``. It reads the dataset's
own files under ``root`` and reports what it cannot use through ``context`` instead of raising::

    from visionflan_core.reader_kit import ReadContext, SourceRecord, SkipRecord, load_json, require

    def read_my_dataset(context: ReadContext, root: Path, *, split: str = "train"):
        path = root / f"{split}.json"
        data = load_json(context, path)          # a missing or broken file is a problem, not a crash
        if data is None:
            return

        def build(record_id: object, raw: Any) -> SourceRecord:
            return SourceRecord(
                id=str(record_id),
                images=(context.image(require(raw, "image")),),   # checked: inside root, a file
                fields={"question": str(require(raw, "question"))},
                label=str(require(raw, "answer")),
            )

        yield from context.build_each(enumerate(data), build, file=path)

Inside ``build``, raise :class:`SkipRecord` (or let :func:`require` raise it) to drop one record
with its reason; any other exception drops that record too, reported with its type. The file
loaders take an ``encoding`` and report an undecodable file as a problem.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Hashable, Sequence
from typing import TypeVar

from .readers._io import as_object, load_json, load_jsonl, load_rows, load_shaped, stream_json
from .readers.class_paths import class_name, read_class_paths
from .readers.img2dataset import load_downloads
from .readers.other_records import OtherRecords
from .readers.path_labels import read_path_labels
from .readers.problem_folders import each_problem
from .records import ReadContext, SkipRecord, SourceRecord, require
from .seeding import derive_seed

__all__ = [
    "OtherRecords",
    "ReadContext",
    "SkipRecord",
    "SourceRecord",
    "as_object",
    "choice_index",
    "class_name",
    "derive_seed",
    "each_problem",
    "load_downloads",
    "load_json",
    "load_jsonl",
    "load_rows",
    "load_shaped",
    "most_common",
    "pick_options",
    "read_class_paths",
    "read_path_labels",
    "require",
    "stream_json",
]

T = TypeVar("T", bound=Hashable)


def most_common(values: Sequence[T], *, field: str | None = None) -> T:
    """The most frequent value; ties go to the one seen first (VQA's consensus answer).

    An empty ``values`` drops the record (:class:`SkipRecord` naming ``field``).
    """
    if not values:
        raise SkipRecord("no values to choose from", field=field)
    counts = Counter(values)
    first = {value: index for index, value in reversed(list(enumerate(values)))}
    return max(counts, key=lambda value: (counts[value], -first[value]))


def choice_index(choices: Sequence[str], answer: object, *, field: str | None = None) -> int:
    """The position of ``answer`` among ``choices``: an int index, or the choice text itself.

    Anything else (an index out of range, a text that is not a choice) drops the record.
    """
    if isinstance(answer, int) and not isinstance(answer, bool):
        if 0 <= answer < len(choices):
            return answer
        raise SkipRecord(f"answer index {answer} outside {len(choices)} choices", field=field)
    text = str(answer).strip()
    for index, choice in enumerate(choices):
        if choice.strip() == text:
            return index
    raise SkipRecord(f"answer {text!r} is not among the choices", field=field)


def pick_options(
    labels: Sequence[str], answer: str, k: int, *, seed: object
) -> tuple[tuple[str, ...], int]:
    """``k`` options from the label set: the answer plus ``k - 1`` distractors, in a seeded order.

    For tasks that show a few of many classes (ImageNet-A shows 8 of 200, GTSRB 10 of 43). The
    same ``seed`` (use the record id) always gives the same options, whatever the worker or order.
    Returns the options and the answer's index among them.
    """
    pool = sorted(set(labels) - {answer})
    if answer not in labels:
        raise SkipRecord(f"answer {answer!r} is not in the label set", field="label")
    if len(pool) < k - 1:
        raise SkipRecord(f"label set has {len(pool) + 1} labels; {k} options asked", field="label")
    rng = random.Random(derive_seed("pick_options", seed, answer))
    options = [*rng.sample(pool, k - 1), answer]
    rng.shuffle(options)
    return tuple(options), options.index(answer)
