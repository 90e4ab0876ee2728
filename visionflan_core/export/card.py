"""The dataset card (``README.md``): what is inside, where it came from, under which licences."""

from __future__ import annotations

from typing import Any

from .._yaml import dump_yaml

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


def dataset_card(info: dict[str, Any]) -> str:
    """Markdown with Hugging Face front matter, built from ``info.json`` and the catalog."""
    formats = info["settings"]["formats"]
    front: dict[str, Any] = {
        "pretty_name": info["name"],
        "license": "other",
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
        "## Files", "",
        *[f"- {_LOADING[name]}" for name in formats], "",
        "## Tasks", "",
        "| task | release name | category | dataset | available | written |",
        "|---|---|---|---|---:|---:|",
        *[f"| {t['id']} | {t['release_name'] or '-'} | {t['category']} | {t['dataset'] or '-'} "
          f"| {t['available']} | {t['written']} |" for t in info["tasks"]],
        "",
        *_sources(info["tasks"], info["datasets"]),
    ]
    return "\n".join(lines) + "\n"


def _sources(tasks: list[dict[str, Any]], catalog: dict[str, Any]) -> list[str]:
    """Licences and citations of every source dataset used: redistribution follows them."""
    used = sorted({t["dataset"] for t in tasks if t["dataset"]})
    if not used:
        return []
    lines = ["## Source datasets", "",
             "Each example keeps the licence of the dataset it was built from.", "",
             "| dataset | homepage | licence |", "|---|---|---|"]
    citations = []
    for key in used:
        entry = catalog.get(key)
        if entry is None:
            lines.append(f"| {key} | - | unknown |")
            continue
        lines.append(f"| {entry['name']} | {entry.get('homepage') or '-'} | {entry['license']} |")
        if entry.get("citation"):
            citations.append(entry["citation"].strip())
    if citations:
        lines += ["", "## Citations", "", "```bibtex", "\n\n".join(citations), "```"]
    return [*lines, ""]
