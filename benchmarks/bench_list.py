"""`vf-tasks list` start-up against the floor that entry-point discovery itself costs.

Median of 9 runs each, interleaved in this one run so the machine state is shared:
  floor:  python -c "from importlib.metadata import entry_points; entry_points(group='visionflan.tasks')"
  list:   vf-tasks list            (warm metadata cache, output piped)
  cold:   vf-tasks list            with VISIONFLAN_NO_CACHE=1 (validates every task.yaml)
Target: list <= 1.5 x floor.  Usage: python benchmarks/bench_list.py [--runs 9] [--total-tasks 209]

The same comparison runs a second time with ``--total-tasks`` tasks (the whole catalogue): the
missing ones are synthesised as dataset folders (two tasks each, real metadata with new ids) in a
temporary distribution on PYTHONPATH, which both the floor and ``vf-tasks list`` then see.

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
import tempfile
import time
from pathlib import Path

TASKS = Path(__file__).resolve().parents[1] / "tasks"

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


def synthesise(folder: Path, count: int) -> None:
    """A distribution ``vf_synthetic`` of ``count`` tasks in ``count // 2`` dataset folders."""
    dataset_text = (TASKS / "inaturalist" / "dataset.yaml").read_text()
    task_text = (TASKS / "inaturalist" / "class_classification" / "task.yaml").read_text()
    package = folder / "vf_synthetic"
    package.mkdir()
    (package / "__init__.py").write_text(
        "from visionflan_core.plugin import dataset_folders\nplugin = dataset_folders(__file__)\n")
    for index in range(count):
        dataset = f"synthetic_{index // 2:03d}"
        (package / dataset / f"task_{index % 2}").mkdir(parents=True)
        (package / dataset / "dataset.yaml").write_text(
            dataset_text.replace("id: inaturalist", f"id: {dataset}"))
        (package / dataset / f"task_{index % 2}" / "task.yaml").write_text(
            task_text.replace("inaturalist_class_classification", f"{dataset}_task_{index % 2}")
            .replace("INATURALIST+class_classification", f"SYN+{dataset}_{index % 2}"))
    info = folder / "vf_synthetic-0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: vf_synthetic\nVersion: 0\n")
    (info / "entry_points.txt").write_text("[visionflan.tasks]\nsynthetic = vf_synthetic:plugin\n")
    compileall.compile_dir(package, quiet=1)


def measure(vf_tasks: str, runs: int, env: dict[str, str] | None) -> tuple[int, dict[str, float]]:
    """Tasks listed, and the median times of the floor and of ``list`` (warm and cold cache)."""
    list_cmd = [vf_tasks, "list"]
    subprocess.run(list_cmd, check=True, stdout=subprocess.DEVNULL, env=env)  # warm the cache
    cold_env = {**(env or os.environ), "VISIONFLAN_NO_CACHE": "1"}
    listed = subprocess.run([vf_tasks, "list", "--json"], check=True, capture_output=True,
                            text=True, env=env).stdout.count('"id"')
    return listed, median_ms({
        "python -c pass": ([sys.executable, "-c", "pass"], env),
        "floor (entry_points)": ([sys.executable, "-c", FLOOR], env),
        "vf-tasks list": (list_cmd, env),
        "vf-tasks list (no cache)": (list_cmd, cold_env),
    }, runs)


def report(listed: int, results: dict[str, float], runs: int) -> None:
    floor = results["floor (entry_points)"]
    print(f"tasks listed: {listed}; median of {runs} runs")
    for name, ms in results.items():
        print(f"  {name:<26} {ms:7.1f} ms   {ms / floor:4.2f} x floor")
    ratio = results["vf-tasks list"] / floor
    print(f"list / floor = {ratio:.2f} (target <= 1.5): {'OK' if ratio <= 1.5 else 'MISSED'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--total-tasks", type=int, default=209)
    args = parser.parse_args()
    vf_tasks = shutil.which("vf-tasks")
    if vf_tasks is None:
        sys.exit("vf-tasks is not on PATH: pip install -e . first")
    for package in ("visionflan_core", "visionflan_tasks", "visionflan_templates"):
        spec = importlib.util.find_spec(package)
        assert spec is not None and spec.submodule_search_locations
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)
    listed, results = measure(vf_tasks, args.runs, None)
    report(listed, results, args.runs)
    with tempfile.TemporaryDirectory() as scratch:
        synthesise(Path(scratch), args.total_tasks - listed)
        path = os.pathsep.join(filter(None, [scratch, os.environ.get("PYTHONPATH")]))
        env = {**os.environ, "PYTHONPATH": path}
        total, results = measure(vf_tasks, args.runs, env)
        assert total == args.total_tasks, f"listed {total}, expected {args.total_tasks}"
        report(total, results, args.runs)


if __name__ == "__main__":
    main()
