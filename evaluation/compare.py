"""``vf-eval compare``: per-task and per-category differences between two ``results.json`` (B - A)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .report import pct, table


def load_results(path: Path) -> dict[str, Any]:
    """``path`` is an EVAL folder or its ``results.json``."""
    file = path / "results.json" if path.is_dir() else path
    data: dict[str, Any] = json.loads(file.read_text())
    return data


def _side(entry: dict[str, Any] | None, key: str) -> float | None:
    return None if entry is None else float(entry[key])


def _diff(a: dict[str, Any], b: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    out = {}
    for name in sorted(set(a) | set(b)):
        va, vb = _side(a.get(name), key), _side(b.get(name), key)
        metric_a = a.get(name, {}).get("metric")
        metric_b = b.get(name, {}).get("metric")
        entry: dict[str, Any] = {"a": va, "b": vb, "delta": None}
        if key == "value":
            entry["metric"] = metric_a or metric_b
        if va is not None and vb is not None:
            if metric_a == metric_b:
                entry["delta"] = vb - va
            else:
                entry["note"] = f"metric differs: {metric_a} vs {metric_b}"
        out[name] = entry
    return out


def compare(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Tasks and categories of either side; ``delta`` is None where one side lacks it or metrics differ."""
    overall_a, overall_b = a["overall"]["macro_average"], b["overall"]["macro_average"]
    tasks = _diff(a["tasks"], b["tasks"], "value")
    common = [d for d in tasks.values() if d["delta"] is not None]
    mean_a = sum(sorted(d["a"] for d in common)) / len(common) if common else 0.0
    mean_b = sum(sorted(d["b"] for d in common)) / len(common) if common else 0.0
    return {
        "tasks": tasks,
        "categories": _diff(a["categories"], b["categories"], "macro_average"),
        "overall": {"a": overall_a, "b": overall_b, "delta": overall_b - overall_a},
        # the fair figure when the runs cover different tasks: only tasks both scored alike
        "common": {"tasks": len(common), "a": mean_a, "b": mean_b, "delta": mean_b - mean_a},
    }


def _cell(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    return ("+" if signed and value >= 0 else "") + pct(value)


def compare_table(diff: dict[str, Any]) -> str:
    tasks = [
        [
            name,
            d["metric"],
            _cell(d["a"]),
            _cell(d["b"]),
            _cell(d["delta"], True) + (" *" if "note" in d else ""),
        ]
        for name, d in diff["tasks"].items()
    ]
    categories = [
        [name, _cell(d["a"]), _cell(d["b"]), _cell(d["delta"], True)]
        for name, d in diff["categories"].items()
    ]
    o, c = diff["overall"], diff["common"]
    parts = [
        table(["task", "metric", "A", "B", "B - A"], tasks, "llrrr"),
        table(["category", "A", "B", "B - A"], categories, "lrrr"),
        f"overall macro average: {_cell(o['a'])} -> {_cell(o['b'])} ({_cell(o['delta'], True)})",
        f"over the {c['tasks']} tasks both runs scored alike: {_cell(c['a'])} -> {_cell(c['b'])} "
        f"({_cell(c['delta'], True)})",
    ]
    if any("note" in d for d in diff["tasks"].values()):
        parts.append("* the two runs score this task with different metrics; no difference is given")
    return "\n\n".join(parts)
