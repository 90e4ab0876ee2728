"""Plain-text tables for ``score`` and ``compare``: values shown ×100 (accuracy in %, CIDEr in points)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str) -> str:
    """Columns padded to their widest cell; ``align`` has one ``l`` or ``r`` per column."""
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        padded = (
            c.ljust(w) if a == "l" else c.rjust(w) for c, w, a in zip(cells, widths, align, strict=True)
        )
        return "  ".join(padded).rstrip()

    return "\n".join([line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


def pct(value: object) -> str:
    return f"{100 * float(value):.2f}"  # type: ignore[arg-type]


def results_table(results: Mapping[str, Any]) -> str:
    """Per task, then per category, then the overall macro average."""
    tasks = [
        [task_id, r["category"], r["metric"], str(r["n"]), str(r.get("unmatched", "")), pct(r["value"])]
        for task_id, r in results["tasks"].items()
    ]
    categories = [
        [name, str(c["tasks"]), str(c["n"]), pct(c["macro_average"])]
        for name, c in results["categories"].items()
    ]
    overall = results["overall"]
    skipped = results["skipped"]["rows"]
    return "\n\n".join(
        [
            table(["task", "category", "metric", "n", "unmatched", "score"], tasks, "lllrrr"),
            table(["category", "tasks", "n", "macro avg"], categories, "lrrr"),
            f"overall macro average over {overall['tasks']} tasks ({overall['n']} rows): "
            f"{pct(overall['macro_average'])}" + (f"; {skipped} rows skipped" if skipped else ""),
        ]
    )
