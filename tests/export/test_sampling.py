"""Selection, quotas and caps: hashes decide, read order does not, and a cap is a real cap."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from visionflan_core.export.sampling import BoundedSelector, allocate, quotas, selection_hash
from visionflan_core.registry import Registry

from .conftest import export, spec_of


def test_bounded_selector_keeps_the_smallest_hashes_whatever_the_order() -> None:
    keys = [f"example-{i}" for i in range(500)]
    expected = sorted(keys, key=lambda k: selection_hash(3, "t", k))[:40]
    for shuffle_seed in range(3):
        order = keys[:]
        random.Random(shuffle_seed).shuffle(order)
        selector = BoundedSelector(40)
        for key in order:
            selector.offer(selection_hash(3, "t", key), key)
        assert [item for _, item in selector.kept()] == expected
        assert selector.seen == 500


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"cap": 10}, {"a": 10, "b": 5, "c": 0}),
        ({"cap": 100, "total": 30}, {"a": 29, "b": 1, "c": 0}),
        ({"cap": 100, "rate": "equal"}, {"a": 5, "b": 5, "c": 0}),
        ({"cap": 100, "rate": "equal", "total": 30}, {"a": 25, "b": 5, "c": 0}),
        ({"cap": 8, "rate": "temperature", "temperature": 2.0, "total": 12}, {"a": 7, "b": 5, "c": 0}),
    ],
)
def test_quotas_per_rate(fields: dict[str, object], expected: dict[str, int]) -> None:
    result = quotas(spec_of(**fields), {"a": 100, "b": 5, "c": 0})
    assert result == expected
    cap = int(fields["cap"])  # type: ignore[call-overload]
    assert all(q <= min(n, cap) for q, n in zip(result.values(), (100, 5, 0), strict=True))


def test_allocate_redistributes_and_sums_exactly() -> None:
    shares = allocate({"a": 1.0, "b": 1.0, "c": 1.0}, {"a": 2, "b": 50, "c": 50}, 31)
    assert shares == {"a": 2, "b": 15, "c": 14}
    assert sum(shares.values()) == 31


def test_temperature_needs_a_total() -> None:
    with pytest.raises(ValueError, match="total"):
        spec_of(rate="temperature")


def test_cap_is_a_real_cap_and_counts_are_recorded(
    registry: Registry, data_root: Path, tmp_path: Path
) -> None:
    info = export(registry, tmp_path / "out", data_root=data_root, cap=8)
    assert info is not None
    tasks = {t["id"]: t for t in info["tasks"]}
    assert {t: (v["available"], v["quota"], v["written"]) for t, v in tasks.items()} == {
        "fake_alpha": (30, 8, 8), "fake_beta": (12, 8, 8), "fake_gamma": (5, 5, 5)}
    written = []
    for shard in sorted((tmp_path / "out" / "llava").glob("*.json")):
        written += json.loads(shard.read_text())
    assert len(written) == 21
    assert max(sum(1 for w in written if w["task_name"] == name) for name in
               ("FAKE+alpha", "FAKE+beta", "FAKE+gamma")) == 8
