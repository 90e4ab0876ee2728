"""Render throughput over the bundled fixtures (examples/s on one core), against bare Jinja.

Baseline, in the same run: a sandboxed Jinja render of a typical multiple-choice template alone
(no formatter, no record construction). Ours: `Task.render` over every fixture record of every
built-in task, which adds option handling, the formatter, image placement and the pydantic Example.
Target: >= 25k examples/s per core.  Usage: python benchmarks/bench_render.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from visionflan_core.registry import discover

MC_TEMPLATE = (
    "Answer the multiple choice question based on the image.\n\nThe question is: {{ question }}\n"
    "Options: {% for o in options %}({{ o.label }}) {{ o.text }} {% endfor %}"
)


def rate(step: Callable[[], int], seconds: float) -> float:
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        done += step()
    return done / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()

    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined)
    template = env.from_string(MC_TEMPLATE)
    texts = ["Sun", "Moon", "Mars", "None"]
    context = {"question": "What provides the earth with solar energy?",
               "options": [{"label": c, "text": t} for c, t in zip("abcd", texts, strict=True)]}
    baseline = rate(lambda: (template.render(context), 1)[1], args.seconds)

    registry = discover()
    work = []
    for entry in registry:
        task = registry.load(entry.id)
        work.extend((task, record) for record in task.read(task.fixture_root))
    if not work:
        raise SystemExit("no built-in task records found")

    def render_all() -> int:
        for task, record in work:
            task.render(record)
        return len(work)

    ours = rate(render_all, args.seconds)
    print(f"fixture records: {len(work)} from {len(registry)} tasks")
    print(f"  bare sandboxed Jinja (MC template)   {baseline:10,.0f} renders/s")
    print(f"  Task.render (template+formatter+record) {ours:8,.0f} examples/s  "
          f"({ours / baseline:.2f} x bare Jinja)")
    print(f"target >= 25,000 examples/s per core: {'OK' if ours >= 25_000 else 'MISSED'}")


if __name__ == "__main__":
    main()
