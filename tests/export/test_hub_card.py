"""The dataset card as the hub reads it: ``huggingface_hub``'s parser and ``datasets``' configs, offline."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from huggingface_hub import DatasetCard, DatasetCardData

from visionflan_core.export import hub
from visionflan_core.export.card import hub_licence, hub_licences, size_category
from visionflan_core.export.errors import ExportError
from visionflan_core.registry import Registry

from .conftest import export


@pytest.fixture(scope="module")
def out(registry: Registry, data_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("card") / "out"
    export(registry, folder, data_root=data_root, formats=("jsonl", "llava", "parquet", "messages"),
           cap=4, shard_size=5)
    return folder


def test_front_matter_parses_with_huggingface_hub(out: Path) -> None:
    card = DatasetCard.load(out / "README.md")
    assert isinstance(card.data, DatasetCardData)
    data = card.data
    assert data.license == ["cc0-1.0"]  # every fake dataset is "CC0"
    assert "license_name" not in data.to_dict()  # only with "other" (see the licence tests)
    assert data.task_categories == ["image-text-to-text", "visual-question-answering", "image-to-text"]
    assert data.size_categories == ["n<1K"] and data.language == ["en"] and data.pretty_name == "test"
    assert card.text.lstrip().startswith("# test")
    assert hub.check_card(out)["configs"] == card.data.to_dict()["configs"]


def test_configs_load_per_format_as_the_viewer_does(out: Path) -> None:
    """``datasets`` reads the card's ``configs`` from the folder, as the hub does from the repo."""
    import datasets
    from datasets.utils.metadata import MetadataConfigs

    configs = MetadataConfigs.from_dataset_card_data(DatasetCard.load(out / "README.md").data)
    assert list(configs) == ["messages", "parquet"]  # one builder per repository: the Parquet formats
    assert configs["messages"]["default"] is True
    for name in configs:
        rows = datasets.load_dataset(str(out), name, split="train")
        assert len(rows) == 12, name
    assert "messages" in datasets.load_dataset(str(out), split="train").column_names  # the default


def test_a_llava_only_export_gets_a_json_config(registry: Registry, data_root: Path,
                                                tmp_path: Path) -> None:
    import datasets

    export(registry, tmp_path / "out", data_root=data_root, formats=("llava", "jsonl"), cap=3)
    data = hub.check_card(tmp_path / "out")
    assert data["configs"] == [{"config_name": "llava", "data_files": [{"split": "train",
                                                                        "path": "llava/*.json"}],
                                "default": True}]
    assert len(datasets.load_dataset(str(tmp_path / "out"), "llava", split="train")) == 9


def test_licence_list_names_hub_ids_and_other() -> None:
    catalog = {"a": {"license": "CC BY 4.0 (https://example.org README)"},
               "b": {"license": "CC BY-NC-SA 4.0"}, "c": {"license": "Apache-2.0 (repository LICENSE)"},
               "d": {"license": "CC BY 4.0 (unverified)"}, "e": {"license": "not found"}}
    tasks: list[dict[str, Any]] = [{"dataset": key} for key in "abc"]
    assert hub_licences(tasks, catalog) == ["apache-2.0", "cc-by-4.0", "cc-by-nc-sa-4.0"]
    assert hub_licences([*tasks, {"dataset": "d"}], catalog)[-1] == "other"
    assert hub_licences([{"dataset": None}], catalog) == ["other"]  # an unregistered release task
    assert hub_licence("MIT (the repository's README); images under the COCO terms of use") is None
    assert hub_licence("conflicting: README says CC BY-NC-SA 4.0, its badge CC BY-SA 4.0") is None


def test_builtin_catalogue_licences_map_to_known_hub_ids() -> None:
    """Every id the catalogue yields is one the hub lists; a sample of real texts maps as read."""
    from visionflan_core.export.card import HUB_LICENCES

    assert hub_licence("CC BY 4.0 (https://vlomonaco.github.io/core50/)") == "cc-by-4.0"
    assert hub_licence("CC BY-NC-SA 4.0 (LICENSE-DATA of https://github.com/lupantech/ScienceQA; the HF "
                       "card says CC BY-SA 4.0)") == "cc-by-nc-sa-4.0"
    assert hub_licence("CC0 1.0 (as the OSF project lists it; unverified here)") is None
    assert set(HUB_LICENCES.values()) <= {
        "apache-2.0", "mit", "cc0-1.0", "cc-by-2.0", "cc-by-4.0", "cc-by-sa-3.0", "cc-by-sa-4.0",
        "cc-by-nc-4.0", "cc-by-nc-sa-4.0", "cc-by-nc-nd-4.0", "bsd-3-clause"}


@pytest.mark.parametrize(("count", "bucket"), [
    (0, "n<1K"), (999, "n<1K"), (1000, "1K<n<10K"), (9999, "1K<n<10K"), (10_000, "10K<n<100K"),
    (186_103, "100K<n<1M"), (1_664_261, "1M<n<10M"), (10**13, "n>1T")])
def test_size_category(count: int, bucket: str) -> None:
    known = json.loads(resources.files("datasets.utils.resources").joinpath("size_categories.json")
                       .read_text())
    assert size_category(count) == bucket and bucket in known


def test_push_refuses_a_card_the_hub_cannot_read(out: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("COMPLETED", "info.json"):
        (broken / name).write_bytes((out / name).read_bytes())
    (broken / "README.md").write_text("---\nlicense: [unclosed\n---\n# x\n")
    with pytest.raises(ExportError, match="not a dataset card the hub reads"):
        hub.push_to_hub(broken, "me/x", api=object())
    (broken / "README.md").write_text("---\npretty_name: x\n---\n# x\n")
    with pytest.raises(ExportError, match="lacks license, task_categories, size_categories"):
        hub.push_to_hub(broken, "me/x", api=object())


def test_other_licences_name_and_link_the_card(out: Path) -> None:
    from visionflan_core.export.card import dataset_card

    info = json.loads((out / "info.json").read_text())
    info["datasets"] = {key: {**entry, "license": "not found"} for key, entry in info["datasets"].items()}
    data = DatasetCard(dataset_card(info)).data.to_dict()
    assert data["license"] == ["other"]
    assert (data["license_name"], data["license_link"]) == ("source-dataset-licences", "README.md")
