"""Export throughput and memory on synthetic data of growing size (10k -> 100k examples).

Prints, per size: render-only examples/s (one process), full export examples/s with images copied
next to a plain ``cp -r`` of the same image files (and their ratio), and peak RSS of the export,
measured in a fresh subprocess per size. Each task holds 10,000 small JPEGs in its own folder, so
the input grows by tasks; the per-task cap (10,000) keeps every example.

Then the same for the release JSON source (a synthetic LLaVA-format release of 1,000 records per
task name, streamed): peak RSS at each size and the ratio at 10x. Then the default image check
(regular file, header, end-of-image marker, bytes written to a new file) against ``cp -r`` of the
same files in one run, after asserting both sides read and write the same files and bytes.

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


def child_release(release: Path, out: Path, workers: int) -> None:
    """Export a release JSON (every name unregistered) and print wall time and peak RSS."""
    from visionflan_core.export.json_sources import ReleaseSource
    from visionflan_core.export.pipeline import run_export
    from visionflan_core.export.progress import Reporter
    from visionflan_core.export.settings import RunOptions, Settings
    from visionflan_core.export.spec import MixtureSpec
    from visionflan_core.registry import Registry

    spec = MixtureSpec(name="bench-release")
    source = ReleaseSource(release, release.parent, 0, registry=Registry({}), spec=spec)
    start = time.perf_counter()
    info = run_export(source, spec, out, Settings(formats=("llava",)), RunOptions(workers=workers),
                      reporter=Reporter(enabled=False, quiet=True))
    seconds = time.perf_counter() - start
    assert info is not None
    print(json.dumps({"seconds": seconds, "written": info["totals"]["written"],
                      "rss_main_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      "rss_worker_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))


def build_release(folder: Path, records: int, images: list[str]) -> Path:
    """A release-shaped JSON: 1,000 records per task name, conversations of realistic length."""
    path = folder / f"release-{records}.json"
    with path.open("w") as handle:
        handle.write("[")
        for index in range(records):
            task = f"BENCH+task_{index // 1000:03d}"
            item = {"id": f"vision-flan_{task}+{index:06d}", "image": images[index % len(images)],
                    "task_name": task,
                    "conversations": [
                        {"from": "human", "value": "<image>\nWhat is shown in the picture? " * 4},
                        {"from": "gpt", "value": f"An example answer number {index}."}]}
            handle.write(("," if index else "") + json.dumps(item))
        handle.write("]")
    return path


def release_rss(base: Path, data: Path, sizes: list[int], workers: int) -> None:
    folder = base / "release"
    (folder / "images").mkdir(parents=True)
    images = []
    for source in sorted((data / "bench_000" / "images" / "class_0").iterdir())[:64]:
        shutil.copy(source, folder / "images" / source.name)
        images.append(f"images/{source.name}")
    print(f"\nrelease JSON source ({workers} workers, 1,000 records per task name)")
    print(f"{'records':>9} {'JSON MiB':>9} {'export/s':>9} {'rss main MiB':>12} {'rss worker MiB':>14}")
    first = None
    for size in sizes:
        release = build_release(folder, size, images)
        result = subprocess.run(
            [sys.executable, __file__, "--workers", str(workers), "--child-release", str(release),
             str(base / "out-release")], check=True, capture_output=True, text=True)
        shutil.rmtree(base / "out-release")
        measured = json.loads(result.stdout.strip().splitlines()[-1])
        peak = max(measured["rss_main_kib"], measured["rss_worker_kib"]) / 1024
        first = first or peak
        print(f"{measured['written']:>9} {release.stat().st_size / 2**20:>9.1f} "
              f"{measured['written'] / measured['seconds']:>9.0f} "
              f"{measured['rss_main_kib'] / 1024:>12.1f} {measured['rss_worker_kib'] / 1024:>14.1f}",
              flush=True)
        release.unlink()
    print(f"release source: peak RSS at the largest size / smallest: {peak / first:.2f} (target <= 1.2)")


def image_check_vs_cp(folder: Path, target: Path) -> None:
    """The default image check plus writing each file, against ``cp -r`` of the same files."""
    from visionflan_core.export.images import ImageOptions, prepare
    from visionflan_core.export.sources import ImageRef

    files = sorted(p for p in folder.rglob("*") if p.is_file())
    refs = [ImageRef(folder, p.relative_to(folder).as_posix(), "bench") for p in files]
    options = ImageOptions()

    def ours(out: Path) -> None:
        for ref in refs:
            prepare(ref, options).place(out / ref.ref)

    def theirs(out: Path) -> None:
        subprocess.run(["cp", "-r", str(folder), str(out)], check=True)

    ratios = []
    target.mkdir(parents=True, exist_ok=True)
    for round_ in range(4):  # alternating which side goes first: this disk is noisy
        seconds = {}
        for name, run in sorted({"ours": ours, "cp": theirs}.items(), reverse=bool(round_ % 2)):
            out = target / name
            subprocess.run(["sync"], check=False)
            start = time.perf_counter()
            run(out)
            seconds[name] = time.perf_counter() - start
        ours_files = sorted(p for p in (target / "ours").rglob("*") if p.is_file())
        cp_files = sorted(p for p in (target / "cp").rglob("*") if p.is_file())
        assert len(ours_files) == len(cp_files) == len(files), "both sides must copy every file"
        assert sum(p.stat().st_size for p in ours_files) == sum(p.stat().st_size for p in cp_files), \
            "both sides must write the same bytes"
        shutil.rmtree(target / "ours")
        shutil.rmtree(target / "cp")
        ratios.append(seconds["cp"] / seconds["ours"])
        print(f"  round {round_}: ours {len(files) / seconds['ours']:.0f} files/s, cp "
              f"{len(files) / seconds['cp']:.0f} files/s, ratio {ratios[-1]:.2f}", flush=True)
    ratios.sort()
    median = (ratios[1] + ratios[2]) / 2
    print(f"image check (header + end marker) and write vs cp -r, same {len(files)} files: median "
          f"ratio {median:.2f} (target >= 0.80)")


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
    parser.add_argument("--child-release", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--images-only", action="store_true",
                        help="Only the image check against cp (one task's 10,000 JPEGs).")
    args = parser.parse_args()
    if args.images_only:
        with tempfile.TemporaryDirectory(prefix="vf-bench-") as tmp:
            _, data = build_world(Path(tmp), 1)
            image_check_vs_cp(data / "bench_000", Path(tmp) / "copies")
        return
    if args.child:
        project, data, tasks, out = args.child
        child(Path(project), Path(data), int(tasks), Path(out), args.workers)
        return
    if args.child_release:
        release, out = args.child_release
        child_release(Path(release), Path(out), args.workers)
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
        print(f"data-root source: peak RSS at the largest size / smallest: "
              f"{max(main_mib, worker_mib) / base_rss:.2f} (target <= 1.2)")
        release_rss(base, data, sizes, args.workers)
        image_check_vs_cp(data / "bench_000", base / "copies")


if __name__ == "__main__":
    main()
