"""Draw records from *other* images: negatives for matching and selection tasks, seeded per record.

Image-text matching (is this caption this image's?), image-text selection (which of five captions?),
question-image match (can this image answer that question?) and next-step selection all show a record
something taken from another record. MultiInstruct picked it with ``random.choice`` over the whole
split, retried until the pick came from a different image; :class:`OtherRecords` keeps that rule
(uniform over the items of every other group) but seeds it by (seed parts, task id, record id), so a
record gets the same draw whatever the worker, the read order or the other tasks::

    from visionflan_core.reader_kit import OtherRecords

    pool = OtherRecords(captions, group=lambda c: c.image_id, task_id=context.task_id)
    rng = pool.rng(record_id)                         # this record's own generator
    [negative] = pool.draw(record_id, own_group=caption.image_id, rng=rng)

The pool is the list of candidates the reader has already built (usually every record of the split);
``group`` says which candidates count as "the same image" and may never be drawn for one another.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..records import SkipRecord
from ..seeding import derive_seed

__all__ = ["OtherRecords"]

T = TypeVar("T")

# Rejection tries per requested item before falling back to listing every eligible candidate. Real
# pools (400k COCO captions, 5 per image) almost never need a retry; tiny pools (fixtures) fall back.
_TRIES_PER_ITEM = 32


@dataclass(frozen=True)
class OtherRecords(Generic[T]):
    """A pool of candidates that each record draws from, never from its own group.

    ``items`` are the candidates, in a stable order (file order): the draw depends on that order, so
    build the pool from the whole file, not from a filtered or reordered view. ``group(item)`` is the
    key of "the same image" (an image id, an image path, a wikiHow method). ``task_id`` and
    ``seed`` (extra parts, e.g. a reader option) enter every record's seed with the record id.
    """

    items: Sequence[T]
    group: Callable[[T], Hashable]
    task_id: str
    seed: tuple[object, ...] = ()

    def rng(self, record_id: object, *purpose: object) -> random.Random:
        """The generator of one record: seeded by (seed parts, task id, record id, ``purpose``).

        Use one generator per record for every choice it makes (a coin flip, a vocabulary, the
        draws) so they come in a fixed order; ``purpose`` separates independent streams.
        """
        return random.Random(
            derive_seed("other_records", *self.seed, self.task_id, record_id, *purpose))

    def draw(
        self,
        record_id: object,
        own_group: Hashable,
        k: int = 1,
        *,
        rng: random.Random | None = None,
        distinct: Callable[[T], Hashable] | None = None,
        avoid: Collection[Hashable] = (),
        field: str | None = None,
    ) -> tuple[T, ...]:
        """``k`` different candidates whose group is not ``own_group``, uniformly, in draw order.

        ``rng`` is the record's generator (default: :meth:`rng` of ``record_id``). With ``distinct``,
        no two drawn candidates share ``distinct(item)`` and none has a key in ``avoid`` (e.g. no
        negative caption equal to the true one, so the options never repeat). Fewer than ``k``
        eligible candidates drop the record: :class:`SkipRecord` naming ``field``.
        """
        if k < 0:
            raise ValueError(f"k must be >= 0, not {k}")
        if avoid and distinct is None:
            raise ValueError("avoid names keys of distinct(item): pass distinct too")
        generator = rng if rng is not None else self.rng(record_id)
        chosen: list[int] = []
        keys: set[Hashable] = set(avoid)

        def eligible(index: int) -> bool:
            item = self.items[index]
            if index in chosen or self.group(item) == own_group:
                return False
            return distinct is None or distinct(item) not in keys

        def take(index: int) -> None:
            chosen.append(index)
            if distinct is not None:
                keys.add(distinct(self.items[index]))

        size = len(self.items)
        tries = _TRIES_PER_ITEM * k
        while len(chosen) < k and tries > 0 and size:
            tries -= 1
            index = generator.randrange(size)
            if eligible(index):
                take(index)
        while len(chosen) < k:  # unlucky or tiny pool: choose among every eligible candidate
            rest = [index for index in range(size) if eligible(index)]
            if not rest:
                raise SkipRecord(
                    f"only {len(chosen)} candidate(s) from other records; {k} needed", field=field)
            take(generator.choice(rest))
        return tuple(self.items[index] for index in chosen)
