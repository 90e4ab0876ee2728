"""Peak memory of ``--llava-single-file`` (joining the llava shards by bytes) as the mixture grows.

Writes synthetic llava shards (1,000 records each, Vision-Flan-sized conversations) for each size,
then, each in a fresh subprocess, joins them with ``join_shards`` and with the baseline that holds the
mixture (``json.loads`` every shard into one list, ``dump_json`` it), asserts both files are the same
bytes, and prints peak RSS (``VmHWM`` of the child: ``ru_maxrss`` would carry the parent's peak over
``exec``) and seconds for both, then the RSS ratio largest/smallest.

    python benchmarks/bench_llava_single_file.py [--sizes 100000,1000000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SHARD = 1000


def write_shards(folder: Path, size: int) -> list[str]:
    """``size`` records in shards of SHARD, written as ``LlavaWriter`` writes them."""
    from visionflan_core.export.fsutil import dump_json

    (folder / "llava").mkdir(parents=True)
    names = []
    for shard in range(-(-size // SHARD)):
        items = []
        for index in range(shard * SHARD, min(size, (shard + 1) * SHARD)):
            prompt = f"<image>\nWhich category best describes the object in the image? Options: {index % 97}"
            items.append({"id": f"task_{index % 191}+{index:08d}", "image": f"images/{index:08d}.jpg",
                          "task_name": f"TASK+{index % 191}", "conversations": [
                              {"from": "human", "value": prompt * 4},
                              {"from": "gpt", "value": f"class {index % 1000}"}]})
        name = f"llava/shard-{shard:05d}.json"
        (folder / name).write_bytes(dump_json(items, indent=None))
        names.append(name)
    return names


def child(mode: str, folder: Path, target: Path) -> None:
    from visionflan_core.export.fsutil import dump_json
    from visionflan_core.export.writers.llava import join_shards

    shards = sorted(p.relative_to(folder).as_posix() for p in (folder / "llava").glob("*.json"))
    start = time.perf_counter()
    records = None
    if mode == "join":
        join_shards(folder, shards, target)
    else:  # the baseline: the whole mixture in memory
        items = [item for name in shards for item in json.loads((folder / name).read_bytes())]
        target.write_bytes(dump_json(items, indent=None))
        records = len(items)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "rss_kib": peak_rss_kib(), "records": records}))


def peak_rss_kib() -> int:
    """This process's own peak resident set (``VmHWM``, reset by ``exec``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status (Linux only)")


def run(mode: str, folder: Path, target: Path) -> dict[str, Any]:
    result = subprocess.run([sys.executable, __file__, "--child", mode, str(folder), str(target)],
                            check=True, capture_output=True, text=True)
    measured: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return measured


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, folder, target = args.child
        child(mode, Path(folder), Path(target))
        return
    rows = []
    print(f"{'records':>9} {'MiB':>7} {'join RSS MiB':>12} {'join s':>7} {'in-memory RSS MiB':>17} "
          f"{'in-memory s':>11}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="vf-bench-single-") as tmp:
            folder = Path(tmp)
            write_shards(folder, size)
            joined = run("join", folder, folder / "llava.json")
            baseline = run("memory", folder, folder / "b.json")
            assert sha256(folder / "llava.json") == sha256(folder / "b.json"), "outputs differ"
            assert baseline["records"] == size
            mib = (folder / "llava.json").stat().st_size / 2**20
        row = {"records": size, "file_mib": round(mib, 1), "join_rss_mib": round(joined["rss_kib"] / 1024, 1),
               "join_s": round(joined["seconds"], 2), "memory_rss_mib": round(baseline["rss_kib"] / 1024, 1),
               "memory_s": round(baseline["seconds"], 2)}
        rows.append(row)
        print(f"{size:>9} {mib:>7.1f} {row['join_rss_mib']:>12.1f} {row['join_s']:>7.2f} "
              f"{row['memory_rss_mib']:>17.1f} {row['memory_s']:>11.2f}", flush=True)
    first, last = rows[0], rows[-1]
    print(json.dumps({"rows": rows, "join_rss_ratio": round(last["join_rss_mib"] / first["join_rss_mib"], 3),
                      "memory_rss_ratio": round(last["memory_rss_mib"] / first["memory_rss_mib"], 3)}))


if __name__ == "__main__":
    main()
