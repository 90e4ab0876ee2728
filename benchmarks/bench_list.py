"""`vf-tasks list` start-up against the floor that entry-point discovery itself costs.

Median of 9 runs each, all in this one run so the machine state is shared:
  floor:  python -c "from importlib.metadata import entry_points; entry_points(group='visionflan.tasks')"
  list:   vf-tasks list            (warm metadata cache, output piped)
  cold:   vf-tasks list            with VISIONFLAN_NO_CACHE=1 (validates every task.yaml)
Target: list <= 1.5 x floor.  Usage: python benchmarks/bench_list.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

FLOOR = "from importlib.metadata import entry_points; entry_points(group='visionflan.tasks')"


def median_ms(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    vf_tasks = shutil.which("vf-tasks")
    if vf_tasks is None:
        sys.exit("vf-tasks is not on PATH: pip install -e . first")
    list_cmd = [vf_tasks, "list"]
    subprocess.run(list_cmd, check=True, stdout=subprocess.DEVNULL)  # warm the metadata cache
    cold_env = {**os.environ, "VISIONFLAN_NO_CACHE": "1"}
    count = subprocess.run([vf_tasks, "list", "--json"], check=True, capture_output=True,
                           text=True).stdout.count('"id"')
    results = {
        "python -c pass": median_ms([sys.executable, "-c", "pass"], args.runs),
        "floor (entry_points)": median_ms([sys.executable, "-c", FLOOR], args.runs),
        "vf-tasks list": median_ms(list_cmd, args.runs),
        "vf-tasks list (no cache)": median_ms(list_cmd, args.runs, cold_env),
    }
    floor = results["floor (entry_points)"]
    print(f"tasks listed: {count}; median of {args.runs} runs")
    for name, ms in results.items():
        print(f"  {name:<26} {ms:7.1f} ms   {ms / floor:4.2f} x floor")
    ratio = results["vf-tasks list"] / floor
    print(f"list / floor = {ratio:.2f} (target <= 1.5): {'OK' if ratio <= 1.5 else 'MISSED'}")


if __name__ == "__main__":
    main()
