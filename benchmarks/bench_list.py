"""`vf-tasks list` start-up against the floor that entry-point discovery itself costs.

Median of 9 runs each, interleaved in this one run so the machine state is shared:
  floor:  python -c "from importlib.metadata import entry_points; entry_points(group='visionflan.tasks')"
  list:   vf-tasks list            (warm metadata cache, output piped)
  cold:   vf-tasks list            with VISIONFLAN_NO_CACHE=1 (validates every task.yaml)
Target: list <= 1.5 x floor.  Usage: python benchmarks/bench_list.py [--runs 9]

Our packages are byte-compiled first, as `pip install` does: an editable checkout run with
PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module of ours on each start, a cost
the floor (whose modules come precompiled) never pays.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import time

FLOOR = "from importlib.metadata import entry_points; entry_points(group='visionflan.tasks')"


def median_ms(
    commands: dict[str, tuple[list[str], dict[str, str] | None]], runs: int
) -> dict[str, float]:
    """Median wall time per command; runs are interleaved so machine drift hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, env) in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    vf_tasks = shutil.which("vf-tasks")
    if vf_tasks is None:
        sys.exit("vf-tasks is not on PATH: pip install -e . first")
    for package in ("visionflan_core", "visionflan_tasks", "visionflan_templates"):
        spec = importlib.util.find_spec(package)
        assert spec is not None and spec.submodule_search_locations
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)
    list_cmd = [vf_tasks, "list"]
    subprocess.run(list_cmd, check=True, stdout=subprocess.DEVNULL)  # warm the metadata cache
    cold_env = {**os.environ, "VISIONFLAN_NO_CACHE": "1"}
    count = subprocess.run([vf_tasks, "list", "--json"], check=True, capture_output=True,
                           text=True).stdout.count('"id"')
    results = median_ms({
        "python -c pass": ([sys.executable, "-c", "pass"], None),
        "floor (entry_points)": ([sys.executable, "-c", FLOOR], None),
        "vf-tasks list": (list_cmd, None),
        "vf-tasks list (no cache)": (list_cmd, cold_env),
    }, args.runs)
    floor = results["floor (entry_points)"]
    print(f"tasks listed: {count}; median of {args.runs} runs")
    for name, ms in results.items():
        print(f"  {name:<26} {ms:7.1f} ms   {ms / floor:4.2f} x floor")
    ratio = results["vf-tasks list"] / floor
    print(f"list / floor = {ratio:.2f} (target <= 1.5): {'OK' if ratio <= 1.5 else 'MISSED'}")


if __name__ == "__main__":
    main()
