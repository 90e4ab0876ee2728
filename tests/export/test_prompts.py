"""Mixture-level prompt choices: extra templates per task and the ``<image>`` placement policy."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from visionflan_core.errors import VisionFlanError
from visionflan_core.export.pipeline import run_export
from visionflan_core.export.progress import Reporter
from visionflan_core.export.settings import Settings
from visionflan_core.export.task_source import RegistrySource
from visionflan_core.registry import Registry

from .conftest import spec_of


def _lines(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for f in sorted((out / "jsonl").glob("*.jsonl"))
            for line in f.read_text().splitlines()]


def test_extra_templates_are_mixed_in_and_hashed(registry: Registry, data_root: Path,
                                                 tmp_path: Path) -> None:
    (tmp_path / "extra.jinja").write_text("Name the object in the picture.\n")
    spec = spec_of(select={"include": ["fake_alpha"]}, extra_templates={"fake_alpha": ["extra.jinja"]},
                   image_placement="random")
    source = RegistrySource(registry, spec, data_root, spec_dir=tmp_path)
    info = run_export(source, spec, tmp_path / "out", Settings(formats=("jsonl",), shard_size=50),
                      reporter=Reporter(enabled=False))
    assert info is not None
    lines = _lines(tmp_path / "out")
    used = Counter(line["provenance"]["template_id"] for line in lines)  # type: ignore[index]
    assert set(used) == {"instruction", "extra.jinja"} and min(used.values()) >= 5
    assert set(info["tasks"][0]["templates"]) == {"instruction", "extra.jinja"}
    prompts = [line["conversations"][0]["value"] for line in lines]  # type: ignore[index]
    assert {p.startswith("<image>\n") for p in prompts} == {True, False}  # seeded coin per example
    assert all(p.count("<image>") == 1 for p in prompts)


def test_extra_templates_must_name_mixture_tasks(registry: Registry) -> None:
    spec = spec_of(select={"include": ["fake_beta"]}, extra_templates={"fake_alpha": ["x.jinja"]})
    with pytest.raises(VisionFlanError, match="not in the mixture"):
        RegistrySource(registry, spec, None)
