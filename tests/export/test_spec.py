"""Mixture specs: built-ins load, YAML files validate, selection and hold-outs pick tasks."""

from __future__ import annotations

from pathlib import Path

import pytest

from visionflan_core.errors import VisionFlanError
from visionflan_core.export.sources import selected_entries
from visionflan_core.export.spec import DEFAULT_CAP, builtin_names, load_mixture
from visionflan_core.registry import Registry

from .conftest import spec_of


def test_builtins() -> None:
    assert builtin_names() == ["llava-gpt4-1k", "vision-flan", "vision-flan-1k", "vision-flan-demo"]
    assert load_mixture("vision-flan")[0].cap == DEFAULT_CAP
    assert load_mixture("vision-flan-1k")[0].cap == 1000
    assert load_mixture("vision-flan-demo")[0].fixtures
    assert load_mixture("llava-gpt4-1k")[0].source == "llava-instruct"
    assert load_mixture("vision-flan", seed=5, cap=None)[0].seed == 5


def test_yaml_file_and_errors(tmp_path: Path) -> None:
    good = tmp_path / "mix.yaml"
    good.write_text("name: mine\ncap: 3\nrate: equal\nholdout: {categories: [Perception]}\n")
    spec, base = load_mixture(str(good))
    assert (spec.cap, spec.rate, spec.holdout.categories, base) == (3, "equal", ["Perception"],
                                                                      tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\ncap: 0\nunknown_key: 1\n")
    with pytest.raises(VisionFlanError, match="cap") as error:
        load_mixture(str(bad))
    assert "unknown_key" in str(error.value)
    with pytest.raises(VisionFlanError, match="vision-flan-demo"):
        load_mixture("no-such-mixture")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, ["fake_alpha", "fake_beta", "fake_gamma"]),
        ({"select": {"include": ["FAKE+beta", "fake_g*"]}}, ["fake_beta", "fake_gamma"]),
        ({"select": {"categories": ["perception"]}}, ["fake_beta"]),
        ({"select": {"datasets": ["coco", "pacs"]}}, ["fake_alpha", "fake_beta"]),
        ({"holdout": {"tasks": ["fake_alpha"], "categories": ["Scene Classification"]}},
         ["fake_beta"]),
    ],
)
def test_selection_and_holdout(registry: Registry, fields: dict[str, object],
                               expected: list[str]) -> None:
    assert [e.id for e in selected_entries(registry, spec_of(**fields))] == expected
