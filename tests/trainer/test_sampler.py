"""Length-grouped sampler: seeded, rank-partitioned like a single process, resumable."""

from __future__ import annotations

import itertools

from visionflan_trainer.sampler import LengthGroupedBatchSampler

LENGTHS = [(i * 37) % 101 + 1 for i in range(50)]


def _flat(batches: list[list[int]]) -> list[int]:
    return list(itertools.chain.from_iterable(batches))


def test_global_batches_independent_of_split() -> None:
    single = list(LengthGroupedBatchSampler(LENGTHS, 8, 1, 1, 0, seed=3))
    ranks = [list(LengthGroupedBatchSampler(LENGTHS, 2, 2, 2, r, seed=3)) for r in range(2)]
    assert len(single) == 7 and all(len(r) == 14 for r in ranks)
    for step in range(7):
        dist = _flat(ranks[0][2 * step : 2 * step + 2]) + _flat(ranks[1][2 * step : 2 * step + 2])
        assert sorted(dist) == sorted(single[step])


def test_length_grouped_and_covers_every_sample() -> None:
    s = LengthGroupedBatchSampler(LENGTHS, 4, 2, 1, 0, seed=0)
    batches = list(s)
    assert set(_flat(batches)) == set(range(50))  # the last global batch wraps around
    for a, b in zip(batches[::2], batches[1::2], strict=True):  # micro-batches of one step
        assert min(LENGTHS[i] for i in a) >= max(LENGTHS[i] for i in b)


def test_seeded_and_epoch_dependent() -> None:
    a = LengthGroupedBatchSampler(LENGTHS, 4, 1, seed=1)
    b = LengthGroupedBatchSampler(LENGTHS, 4, 1, seed=1)
    assert list(a) == list(b)
    b.set_epoch(1)
    assert list(a) != list(b)
    assert list(LengthGroupedBatchSampler(LENGTHS, 4, 1, seed=2)) != list(a)


def test_resume_mid_epoch() -> None:
    full = LengthGroupedBatchSampler(LENGTHS, 4, 1, seed=5)
    full.set_epoch(2)
    expected = list(full)
    resumed = LengthGroupedBatchSampler(LENGTHS, 4, 1, seed=5)
    resumed.load_state_dict({"epoch": 2, "position": 5})
    assert list(resumed) == expected[5:] and len(resumed) == len(expected) - 5
