"""A killed export's worker processes must not go on writing: they exit with their parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

PARENT = """
import os, sys, time
from visionflan_core.export.parallel import Workers

def busy(_):
    time.sleep(60)  # a long shard: it must not outlive the parent

with Workers(None, 2) as workers:
    pending = [workers.pool.apply_async(busy, (i,)) for i in range(2)]
    pids = [p.pid for p in workers.pool._pool]
    time.sleep(0.5)
    open(sys.argv[1], "w").write(" ".join(map(str, pids)))
    time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.is_file() and "State:\tZ" in status.read_text())


def test_workers_exit_when_the_parent_is_killed(tmp_path: Path) -> None:
    pids_file = tmp_path / "pids"
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(pids_file)])
    try:
        deadline = time.monotonic() + 30
        while not (pids_file.is_file() and pids_file.read_text()):
            assert time.monotonic() < deadline and parent.poll() is None
            time.sleep(0.05)
        workers = [int(pid) for pid in pids_file.read_text().split()]
        assert all(_alive(pid) for pid in workers)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in workers)
    finally:
        if parent.poll() is None:
            parent.kill()
