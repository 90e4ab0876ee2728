"""Export throughput and memory on synthetic data of growing size (10k -> 100k examples).

Prints, per size: render-only examples/s (one process), full export examples/s with images copied
next to a plain ``cp -r`` of the same image files (and their ratio), and peak RSS of the export,
measured in a fresh subprocess per size. Each task holds 10,000 small JPEGs in its own folder, so
the input grows by tasks; the per-task cap (10,000) keeps every example.

    python benchmarks/bench_export.py [--sizes 10000,30000,100000] [--workers 2]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

from PIL import Image

PACKAGE = "vf_bench_tasks"
PER_TASK = 10_000
CLASSES = 10


def build_world(base: Path, tasks: int) -> tuple[Path, Path]:
    """``tasks`` scaffolded image-folder tasks, each over its own folder of PER_TASK JPEGs."""
    from visionflan_core.scaffold import scaffold_task

    project, data = base / "project", base / "data"
    project.mkdir(parents=True)
    (project / "pyproject.toml").write_text('[project]\nname = "bench"\nversion = "0"\n')
    blobs = []
    for index in range(64):
        buffer = io.BytesIO()
        Image.new("RGB", (32, 32), (index * 4, 255 - index * 4, 90)).save(buffer, "JPEG")
        blobs.append(buffer.getvalue())
    for task in range(tasks):
        task_id = f"bench_{task:03d}"
        folder, _ = scaffold_task(task_id, project_dir=project, package=PACKAGE)
        text = (folder / "task.yaml").read_text().replace(
            "options: {subdir: images}", f"options: {{subdir: images}}\n  dir: {task_id}")
        (folder / "task.yaml").write_text(text)
        for number in range(PER_TASK):
            path = data / task_id / "images" / f"class_{number % CLASSES}" / f"{number:06d}.jpg"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(blobs[number % len(blobs)])
    return project, data


def registry(project: Path, tasks: int) -> Any:
    from visionflan_core.registry import discover

    sys.modules.pop(PACKAGE, None)  # a previous size's package lives in a deleted folder
    sys.path.insert(0, str(project))
    points = [EntryPoint(name=f"bench_{t:03d}", value=f"{PACKAGE}:bench_{t:03d}",
                         group="visionflan.tasks") for t in range(tasks)]
    return discover(group_entry_points=points, use_cache=False)


def render_rate(project: Path, data: Path) -> float:
    """Examples rendered per second in this process (records read beforehand)."""
    task = registry(project, 1).load("bench_000")
    records = list(task.read(task.dataset_root(data)))
    start = time.perf_counter()
    for record in records:
        task.render(record, 0)
    return len(records) / (time.perf_counter() - start)


def child(project: Path, data: Path, tasks: int, out: Path, workers: int) -> None:
    """Run one export and print its wall time and peak RSS (this process and its workers)."""
    from visionflan_core.export.pipeline import run_export
    from visionflan_core.export.progress import Reporter
    from visionflan_core.export.settings import RunOptions, Settings
    from visionflan_core.export.spec import MixtureSpec
    from visionflan_core.export.task_source import RegistrySource

    reg = registry(project, tasks)
    spec = MixtureSpec(name="bench")
    start = time.perf_counter()
    info = run_export(RegistrySource(reg, spec, data), spec, out, Settings(formats=("llava",)),
                      RunOptions(workers=workers), reporter=Reporter(enabled=False))
    seconds = time.perf_counter() - start
    assert info is not None
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": seconds, "written": info["totals"]["written"],
                      "rss_main_kib": own, "rss_worker_kib": kids}))


def copy_seconds(folders: list[Path], target: Path) -> float:
    """Wall time of ``cp -r`` (the page cache is flushed first; the disk here is noisy, so the
    caller averages a copy before and one after the export)."""
    subprocess.run(["sync"], check=False)
    target.mkdir()
    start = time.perf_counter()
    subprocess.run(["cp", "-r", *map(str, folders), str(target)], check=True)
    seconds = time.perf_counter() - start
    shutil.rmtree(target)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        project, data, tasks, out = args.child
        child(Path(project), Path(data), int(tasks), Path(out), args.workers)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"cpus={os.cpu_count()} workers={args.workers} (cp is one process)")
    print(f"{'examples':>9} {'render/s':>9} {'export/s':>9} {'cp/s':>9} {'ratio':>6} "
          f"{'rss main MiB':>12} {'rss worker MiB':>14}")
    base_rss = None
    with tempfile.TemporaryDirectory(prefix="vf-bench-") as tmp:
        base = Path(tmp)
        project, data = build_world(base, max(1, max(sizes) // PER_TASK))  # sizes share one world
        for size in sizes:
            tasks = max(1, size // PER_TASK)
            folders = [data / f"bench_{t:03d}" for t in range(tasks)]
            render = render_rate(project, data)
            cp_seconds = copy_seconds(folders, base / "cp")
            subprocess.run(["sync"], check=False)
            result = subprocess.run(
                [sys.executable, __file__, "--workers", str(args.workers), "--child", str(project),
                 str(data), str(tasks), str(base / "out")],
                check=True, capture_output=True, text=True)
            shutil.rmtree(base / "out")
            measured = json.loads(result.stdout.strip().splitlines()[-1])
            cp_seconds = (cp_seconds + copy_seconds(folders, base / "cp")) / 2
            cp_rate = tasks * PER_TASK / cp_seconds
            rate = measured["written"] / measured["seconds"]
            main_mib = measured["rss_main_kib"] / 1024
            worker_mib = measured["rss_worker_kib"] / 1024
            base_rss = base_rss or max(main_mib, worker_mib)
            print(f"{measured['written']:>9} {render:>9.0f} {rate:>9.0f} {cp_rate:>9.0f} "
                  f"{rate / cp_rate:>6.2f} {main_mib:>12.1f} {worker_mib:>14.1f}", flush=True)
    print(f"peak RSS at the largest size / smallest: {max(main_mib, worker_mib) / base_rss:.2f}")


if __name__ == "__main__":
    main()
