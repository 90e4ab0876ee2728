"""The released Vision-Flan JSON and LLaVA-Instruct JSON as sources, on the bundled samples."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from huggingface_hub import DatasetCard

from visionflan_core.export.cli import sample_path
from visionflan_core.export.json_sources import LLAVA_TASK_ID, LlavaInstructSource, ReleaseSource
from visionflan_core.export.pipeline import run_export
from visionflan_core.export.progress import Reporter
from visionflan_core.export.settings import Settings
from visionflan_core.export.sources import Source
from visionflan_core.export.spec import MixtureSpec, load_mixture
from visionflan_core.registry import Registry

from .conftest import spec_of

RELEASE_NAMES = {"fake_alpha": "A-OKVQA+visual_question_answering",
                 "fake_beta": "INATURALIST+class_classification",
                 "fake_gamma": "FGVC_Aircraft+Aircraft_Classification"}


@pytest.fixture
def release_registry(registry: Registry) -> Registry:
    """The fake tasks renamed to release names the bundled sample uses."""
    entries = {}
    for task_id, entry in registry.entries.items():
        entries[task_id] = entry._replace(release_name=RELEASE_NAMES[task_id])
    return Registry(entries=entries, datasets=registry.dataset_entries)


def _run(source: Source, spec: MixtureSpec, out: Path) -> dict[str, Any]:
    info = run_export(source, spec, out, Settings(formats=("llava", "jsonl"), shard_size=4),
                      reporter=Reporter(enabled=False))
    assert info is not None
    return info


def _records(out: Path) -> list[dict[str, Any]]:
    return [r for f in sorted((out / "llava").glob("*.json")) for r in json.loads(f.read_text())]


def test_release_json_is_mapped_recapped_and_unregistered_names_exported_under_their_name(
    release_registry: Registry, tmp_path: Path
) -> None:
    spec = spec_of(cap=2, holdout={"tasks": ["fake_gamma"]})
    folder = sample_path("release")
    source = ReleaseSource(folder / "vision_flan_release_sample.json", folder, spec.seed,
                           registry=release_registry, spec=spec)
    info = _run(source, spec, tmp_path / "out")
    counts = {t["id"]: (t["available"], t["written"]) for t in info["tasks"]}
    assert counts == {"fake_alpha": (3, 2), "fake_beta": (3, 2),  # gamma held out
                      "VQA-E+image_question_answer": (2, 2)}
    assert info["source"]["unregistered_tasks"] == {"VQA-E+image_question_answer": 2}
    assert info["totals"]["unregistered_task_records"] == 2
    unregistered = next(t for t in info["tasks"] if t["id"] == "VQA-E+image_question_answer")
    assert unregistered["category"] == "Unregistered"
    records = _records(tmp_path / "out")
    assert {r["task_name"] for r in records} == {"A-OKVQA+visual_question_answering",
                                                 "INATURALIST+class_classification",
                                                 "VQA-E+image_question_answer"}
    assert all((tmp_path / "out" / r["image"]).is_file() for r in records)
    line = json.loads((tmp_path / "out/jsonl/shard-00000.jsonl").read_text().splitlines()[0])
    assert line["provenance"]["template_hash"] == info["source"]["sha256"]
    card = (tmp_path / "out" / "README.md").read_text()
    assert "exported under their release name" in card and "VQA-E+image_question_answer" in card


def test_release_unregistered_names_can_be_held_out(release_registry: Registry, tmp_path: Path) -> None:
    spec = spec_of(holdout={"categories": ["Unregistered"]})
    folder = sample_path("release")
    source = ReleaseSource(folder / "vision_flan_release_sample.json", folder, spec.seed,
                           registry=release_registry, spec=spec)
    info = _run(source, spec, tmp_path / "out")
    assert info["source"]["unregistered_tasks"] == {}
    assert sorted(t["id"] for t in info["tasks"]) == ["fake_alpha", "fake_beta", "fake_gamma"]


def test_release_records_that_are_malformed_or_point_outside(
    release_registry: Registry, tmp_path: Path
) -> None:
    shutil.copytree(sample_path("release"), tmp_path / "release")
    path = tmp_path / "release" / "vision_flan_release_sample.json"
    items = json.loads(path.read_text())
    items[0]["image"] = "../../../etc/hostname"
    items[1]["conversations"] = [{"from": "gpt", "value": "no human turn"}]
    path.write_text(json.dumps(items))
    spec = spec_of()
    source = ReleaseSource(path, tmp_path / "release", 0, registry=release_registry, spec=spec)
    info = _run(source, spec, tmp_path / "out")
    assert info["totals"]["problems"] == 1
    skipped = [json.loads(x) for x in (tmp_path / "out/skipped.jsonl").read_text().splitlines()]
    assert [s["reason"] for s in skipped] == ["image path resolves outside its data root"]


def test_llava_instruct_sample_is_the_stage_two_default(tmp_path: Path) -> None:
    spec, _ = load_mixture("llava-gpt4-1k")
    folder = sample_path("llava_instruct")
    source = LlavaInstructSource(folder / "llava_instruct_sample.json", folder, spec.seed)
    info = _run(source, spec, tmp_path / "out")
    assert info["tasks"][0]["id"] == LLAVA_TASK_ID and info["totals"]["written"] == 12
    records = _records(tmp_path / "out")
    assert any(len(r["conversations"]) > 2 for r in records)
    assert all(r["conversations"][0]["value"].count("<image>") == 1 for r in records)
    assert all(r["image"].startswith("images/llava-instruct/images/") for r in records)
    card = (tmp_path / "out" / "README.md").read_text()
    assert DatasetCard(card).data.license == ["cc-by-4.0"]  # parsed as the hub does
    assert "CC BY 4.0" in card and "OpenAI" in card
    assert "liu2023visual" in card and "Visual Instruction Tuning" in card and "2402.11690" in card


def test_release_candidates_spilled_by_task_give_the_same_export(
    release_registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A release JSON is one scan unit of many tasks: it is spilled by task, never held whole."""
    from visionflan_core.export import plan

    from .conftest import tree

    spec = spec_of(cap=2)
    folder = sample_path("release")
    outs = []
    for flush_at in (10_000, 2):
        monkeypatch.setattr(plan._ByTask, "FLUSH_AT", flush_at)
        source = ReleaseSource(folder / "vision_flan_release_sample.json", folder, spec.seed,
                               registry=release_registry, spec=spec)
        outs.append(tmp_path / f"out{flush_at}")
        _run(source, spec, outs[-1])
    assert tree(outs[0]) == tree(outs[1])
