"""The dataset card (``README.md``): what is inside, where it came from, under which licences."""

from __future__ import annotations

import re
from typing import Any

from .._yaml import dump_yaml
from .progress import left_out_lines

_LOADING = {
    "llava": "`llava/*.json`: JSON lists of `{id, image, task_name, conversations}` (the released "
             "Vision-Flan format); `image` is relative to this folder.",
    "jsonl": "`jsonl/*.jsonl`: one example per line with category, source image paths and provenance "
             "(task version, template id and sha256, source record id, seed).",
    "webdataset": "`webdataset/*.tar`: `webdataset.WebDataset(...)` samples with `json` and "
                  "`jpg`/`png` (`0.jpg`, `1.png`, ... when an example has several images).",
    "parquet": "`parquet/*.parquet`: `datasets.load_dataset(\"parquet\", data_files=...)`; "
               "`images` is a list of `Image` features.",
    "messages": "`messages/*.parquet`: the chat format of Hugging Face vision chat models and TRL's "
                "`SFTTrainer`: `messages` (`role`, `content` parts `{type: image}` / `{type: text, "
                "text}`) and `images`, one `Image` per image part, in order.",
}
# Hub configs: the formats the hub's viewer (``datasets``) loads as one table. ``datasets`` takes one
# builder for a whole repository, from its first config's files, so configs are the Parquet formats;
# llava (JSON) is one only without them. ``jsonl`` and ``webdataset`` carry ``raw_label`` as is, of any
# type, so they are files to download, not configs.
_PARQUET_CONFIGS = {"messages": "messages/*.parquet", "parquet": "parquet/*.parquet"}
TASK_CATEGORIES = ["image-text-to-text", "visual-question-answering", "image-to-text"]
# Hub licence ids (https://huggingface.co/docs/hub/repositories-licenses) for licence texts that name
# exactly one licence, optionally followed by a note on its source; anything else counts as "other".
HUB_LICENCES = {
    "CC BY 4.0": "cc-by-4.0", "CC BY 2.0": "cc-by-2.0", "CC BY-SA 4.0": "cc-by-sa-4.0",
    "CC BY-SA 3.0": "cc-by-sa-3.0", "CC BY-NC 4.0": "cc-by-nc-4.0", "CC BY-NC-SA 4.0": "cc-by-nc-sa-4.0",
    "CC BY-NC-ND 4.0": "cc-by-nc-nd-4.0", "CC0": "cc0-1.0", "CC0 1.0": "cc0-1.0",
    "Apache-2.0": "apache-2.0", "Apache 2.0": "apache-2.0", "MIT": "mit", "BSD-3-Clause": "bsd-3-clause",
}
_LICENCE = re.compile(r"(?P<name>[^()]+?)(?: \((?P<note>[^()]*)\))?")
_DOUBT = ("unverified", "conflict", "not ")
SIZE_CATEGORIES = ["n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "10M<n<100M",
                   "100M<n<1B", "1B<n<10B", "10B<n<100B", "100B<n<1T", "n>1T"]


VISION_FLAN_CITATION = """@article{xu2024visionflan,
  title   = {Vision-Flan: Scaling Human-Labeled Tasks in Visual Instruction Tuning},
  author  = {Xu, Zhiyang and Feng, Chao and Shao, Rulin and Ashby, Trevor and Shen, Ying and
             Jin, Di and Cheng, Yu and Wang, Qifan and Huang, Lifu},
  journal = {arXiv preprint arXiv:2402.11690},
  year    = {2024}
}"""
LLAVA_CITATION = """@inproceedings{liu2023visual,
  title     = {Visual Instruction Tuning},
  author    = {Liu, Haotian and Li, Chunyuan and Wu, Qingyang and Lee, Yong Jae},
  booktitle = {Advances in Neural Information Processing Systems (NeurIPS)},
  year      = {2023}
}"""
LLAVA_LICENCE = [
    "## Licence of LLaVA-Instruct", "",
    "The conversations come from LLaVA-Instruct (Liu et al. 2023, Visual Instruction Tuning), released "
    "under CC BY 4.0; as they were generated with GPT-4, their use should also abide by OpenAI's "
    "terms of use (https://openai.com/policies/terms-of-use). The images are COCO train2017 images, "
    "under the COCO terms of use (https://cocodataset.org/#termsofuse).", "",
]


def dataset_card(info: dict[str, Any]) -> str:
    """Markdown with Hugging Face front matter, built from ``info.json`` and the catalog."""
    formats = info["settings"]["formats"]
    llava = info["source"].get("kind") == "llava-instruct"
    totals = info["totals"]
    lines = [
        "---", dump_yaml(front_matter(info)).rstrip(), "---", "",
        f"# {info['name']}", "",
        info["mixture"].get("description") or "A Vision-Flan instruction-tuning mixture.", "",
        f"{totals['written']} examples from {totals['tasks']} tasks "
        f"({totals['skipped']} skipped, see `skipped.jsonl`), cap {info['mixture']['cap']} per task, "
        f"rate `{info['mixture']['rate']}`, seed {info['mixture']['seed']}. "
        "The resolved mixture, package versions, template hashes and shard checksums are in "
        "`info.json`; length and image-size statistics in `stats.json`.", "",
        *_left_out(info),
        "## Files", "",
        *[f"- {_LOADING[name]}" for name in formats], *_llava_files(info), "",
        "## Tasks", "",
        "| task | release name | category | dataset | available | written |",
        "|---|---|---|---|---:|---:|",
        *[f"| {t['id']} | {t['release_name'] or '-'} | {t['category']} | {t['dataset'] or '-'} "
          f"| {t['available']} | {t['written']} |" for t in info["tasks"]],
        "",
        *(LLAVA_LICENCE if llava else []),
        *_sources(info["tasks"], info["datasets"], info["settings"].get("acknowledged_terms", [])),
        "## Citing", "",
        "This export was made with the Vision-Flan recipe (Xu et al. 2024, arXiv 2402.11690); cite it "
        "and the source datasets above" + (" and LLaVA-Instruct:" if llava else ":"), "",
        "```bibtex", VISION_FLAN_CITATION, *(["", LLAVA_CITATION] if llava else []), "```",
    ]
    return "\n".join(lines) + "\n"


def front_matter(info: dict[str, Any]) -> dict[str, Any]:
    """The hub's metadata: licences, task and size categories, and one config per loadable format."""
    llava = info["source"].get("kind") == "llava-instruct"
    licences = ["cc-by-4.0"] if llava else hub_licences(info["tasks"], info["datasets"])
    front: dict[str, Any] = {"pretty_name": info["name"], "license": licences}
    if "other" in licences:
        front["license_name"] = "source-dataset-licences"
        front["license_link"] = "README.md"  # this card: its table gives every source's licence
    front.update({"task_categories": TASK_CATEGORIES, "language": ["en"],
                  "size_categories": [size_category(info["totals"]["written"])]})
    formats = info["settings"]["formats"]
    paths = [(name, path) for name, path in _PARQUET_CONFIGS.items() if name in formats]  # preferred first
    if not paths and "llava" in formats and (info.get("llamafactory") or {}).get("file"):
        paths = [("llava", "llava/*.json")]  # loadable exactly when LLaMA-Factory's loader can read it
    configs: list[dict[str, Any]] = [{"config_name": name, "data_files": [{"split": "train", "path": path}]}
                                     for name, path in paths]
    if configs:
        configs[0]["default"] = True
        front["configs"] = configs
    return front


def hub_licences(tasks: list[dict[str, Any]], catalog: dict[str, Any]) -> list[str]:
    """Hub licence ids of the datasets used, ``other`` last for any licence that is not exactly one."""
    licences = [hub_licence(((catalog.get(key) or {}).get("license") or "") if key else "")
                for key in sorted({t["dataset"] or "" for t in tasks})]
    found = sorted({licence for licence in licences if licence})
    return found + (["other"] if None in licences or not found else [])


def hub_licence(text: str) -> str | None:
    """The hub id of a licence text that names one licence (``CC BY 4.0 (its README)``), else None."""
    match = _LICENCE.fullmatch(" ".join(text.split()))
    if match is None or any(word in (match["note"] or "").lower() for word in _DOUBT):
        return None
    return HUB_LICENCES.get(match["name"])


def size_category(examples: int) -> str:
    """The hub's size bucket (``n<1K``, ``1K<n<10K``, ...) for a number of examples."""
    index = 0
    while index + 1 < len(SIZE_CATEGORIES) and examples >= 1000 * 10 ** index:
        index += 1
    return SIZE_CATEGORIES[index]


def _llava_files(info: dict[str, Any]) -> list[str]:
    """The single llava file and the LLaMA-Factory entry."""
    lines = []
    single = info.get("llava_single_file")
    if single:
        lines.append(f"- `{single['path']}`: the whole mixture as one JSON list ({single['examples']} "
                     "records, the shards in order), as LLaVA's `--data_path` takes it; `image` is "
                     "relative to this folder (`--image_folder` this folder).")
    factory = info.get("llamafactory")
    if factory and factory.get("file"):
        lines.append(f"- `{factory['file']}`: LLaMA-Factory's description of `{factory['file_name']}` "
                     f"(sharegpt, `from`/`value`, `human`/`gpt`): set `dataset_dir` to this folder and "
                     f"`dataset: {factory['dataset']}`; images resolve against `media_dir`, which "
                     "defaults to `dataset_dir` (set `media_dir` to this folder if you copy the entry "
                     "elsewhere).")
    return lines  # a missing dataset_info.json is listed, with its reason, under "Left out"


def _left_out(info: dict[str, Any]) -> list[str]:
    """What did not reach a shard, or reached it specially, and where each case is listed."""
    lines = left_out_lines(info)
    if not lines:
        return []
    return ["## Left out or handled specially", "", *[f"- {line}" for line in lines], ""]


def _sources(tasks: list[dict[str, Any]], catalog: dict[str, Any], acknowledged: list[str]) -> list[str]:
    """Licences, terms and citations of every source dataset used: redistribution follows them."""
    used = sorted({t["dataset"] for t in tasks if t["dataset"]})
    if not used:
        return []
    lines = ["## Source datasets", "",
             "Each example keeps the licence of the dataset it was built from. Terms say whether the "
             "licence allows training use and redistribution, and how the data is obtained "
             "(`unknown`: not stated in machine-readable form; read the licence).", "",
             "| dataset | homepage | licence | training | redistribution | access |",
             "|---|---|---|---|---|---|"]
    citations = []
    for key in used:
        entry = catalog.get(key)
        if entry is None:
            lines.append(f"| {key} | - | unknown | unknown | unknown | unknown |")
            continue
        terms = entry.get("terms") or {}
        training = terms.get("training", "unknown")
        if key in acknowledged and training == "forbidden":
            training += " (acknowledged by the exporter: --acknowledge-terms)"
        lines.append(f"| {entry['name']} | {entry.get('homepage') or '-'} | {entry['license']} | {training} "
                     f"| {terms.get('redistribution', 'unknown')} | {terms.get('access', 'unknown')} |")
        if entry.get("citation"):
            citations.append(entry["citation"].strip())
    if citations:
        lines += ["", "### Dataset citations", "", "```bibtex", "\n\n".join(citations), "```"]
    return [*lines, ""]
