"""The other-records sampler: never the own group, seeded per (seed, task, record), distinct on request."""

from __future__ import annotations

import pytest

from visionflan_core.reader_kit import OtherRecords, SkipRecord

# (image, caption): three images, two captions each, one caption text shared by two images
CAPTIONS = [(1, "a dog"), (1, "a brown dog"), (2, "a cat"), (2, "a dog"), (3, "a bus"), (3, "a red bus")]


def pool(task_id: str = "t", seed: tuple[object, ...] = ()) -> OtherRecords[tuple[int, str]]:
    return OtherRecords(CAPTIONS, group=lambda c: c[0], task_id=task_id, seed=seed)


def test_draws_never_come_from_the_own_group() -> None:
    for record in range(50):
        drawn = pool().draw(record, own_group=1, k=3)
        assert len(drawn) == 3 and all(image != 1 for image, _ in drawn)
        assert len(set(drawn)) == 3  # three different candidates


def test_same_seed_parts_same_draw_and_each_part_matters() -> None:
    first = [pool().draw(r, own_group=2, k=2) for r in range(20)]
    assert first == [pool().draw(r, own_group=2, k=2) for r in range(20)]
    assert first != [pool(task_id="other").draw(r, own_group=2, k=2) for r in range(20)]
    assert first != [pool(seed=(7,)).draw(r, own_group=2, k=2) for r in range(20)]
    assert len(set(first)) > 1  # records differ from one another


def test_draw_does_not_depend_on_other_records_or_global_random() -> None:
    import random

    random.seed(1)
    alone = pool().draw("r5", own_group=3)
    for record in range(10):
        pool().draw(record, own_group=1)
    random.seed(2)
    assert pool().draw("r5", own_group=3) == alone


def test_a_given_generator_continues_its_stream() -> None:
    sampler = pool()
    rng = sampler.rng("r1")
    coin = rng.random()
    drawn = sampler.draw("r1", own_group=1, rng=rng)
    again = sampler.rng("r1")
    assert again.random() == coin and sampler.draw("r1", own_group=1, rng=again) == drawn
    assert sampler.rng("r1", "options").random() != coin  # a purpose is a separate stream


def test_distinct_keys_and_avoided_keys_are_not_drawn() -> None:
    for record in range(50):
        drawn = pool().draw(record, own_group=1, k=3, distinct=lambda c: c[1], avoid={"a dog"})
        texts = [text for _, text in drawn]
        assert "a dog" not in texts and len(set(texts)) == 3


def test_too_few_candidates_skip_the_record_naming_the_field() -> None:
    with pytest.raises(SkipRecord) as raised:
        pool().draw("r", own_group=1, k=5, field="caption")
    assert raised.value.field == "caption"
    with pytest.raises(SkipRecord):
        OtherRecords([(1, "x")], group=lambda c: c[0], task_id="t").draw("r", own_group=1)
    with pytest.raises(SkipRecord):
        OtherRecords([], group=lambda c: c, task_id="t").draw("r", own_group=1)


def test_large_pool_uses_rejection_and_stays_uniform_enough() -> None:
    items = [(i // 5, f"c{i}") for i in range(5000)]
    sampler = OtherRecords(items, group=lambda c: c[0], task_id="t")
    drawn = [sampler.draw(r, own_group=0)[0] for r in range(2000)]
    assert all(image != 0 for image, _ in drawn)
    assert len({image for image, _ in drawn}) > 600  # spread over the pool, not stuck on a few


def test_negative_k_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        pool().draw("r", own_group=1, k=-1)
    assert pool().draw("r", own_group=1, k=0) == ()
    with pytest.raises(ValueError):
        pool().draw("r", own_group=1, avoid={"a dog"})  # avoid compares distinct keys
