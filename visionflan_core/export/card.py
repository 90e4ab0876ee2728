"""The dataset card (``README.md``): what is inside, where it came from, under which licences."""

from __future__ import annotations

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
}


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
    front: dict[str, Any] = {
        "pretty_name": info["name"],
        "license": "cc-by-4.0" if llava else "other",
        "task_categories": ["visual-question-answering", "image-to-text"],
        "language": ["en"],
    }
    if "parquet" in formats:
        front["configs"] = [{"config_name": "default",
                             "data_files": [{"split": "train", "path": "parquet/*.parquet"}]}]
    totals = info["totals"]
    lines = [
        "---", dump_yaml(front).rstrip(), "---", "",
        f"# {info['name']}", "",
        info["mixture"].get("description") or "A Vision-Flan instruction-tuning mixture.", "",
        f"{totals['written']} examples from {totals['tasks']} tasks "
        f"({totals['skipped']} skipped, see `skipped.jsonl`), cap {info['mixture']['cap']} per task, "
        f"rate `{info['mixture']['rate']}`, seed {info['mixture']['seed']}. "
        "The resolved mixture, package versions, template hashes and shard checksums are in "
        "`info.json`; length and image-size statistics in `stats.json`.", "",
        *_left_out(info),
        "## Files", "",
        *[f"- {_LOADING[name]}" for name in formats], "",
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
