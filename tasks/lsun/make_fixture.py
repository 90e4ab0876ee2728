"""The LSUN fixture: three ``<category>_train_lmdb/data.mdb`` stores of small JPEGs, keyed by 40-hex ids.

Each store is written to a scratch folder and copied compacted, which makes ``data.mdb`` the same bytes on
every run (no ``lock.mdb``: the reader opens the stores read-only without locking). Needs the lmdb
package (the ``lmdb`` extra); without it the regeneration test is skipped.
Run: ``.venv/bin/python tasks/lsun/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import hashlib
import tempfile
import unittest
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

try:
    import lmdb
    MISSING = ""
except ImportError:  # no 'lmdb' extra: the regeneration test is skipped, the script says why
    MISSING = "lmdb"
HINT = "the LSUN fixture needs lmdb: pip install 'visionflan[lmdb]'"

IMAGES = {"bedroom": 1, "church_outdoor": 2, "conference_room": 2}


def make_fixture(root: Path) -> None:
    """Write one compacted LMDB per category of ``IMAGES`` into ``root``."""
    if MISSING:
        raise unittest.SkipTest(HINT)
    for category, count in IMAGES.items():
        with tempfile.TemporaryDirectory() as scratch:
            env = lmdb.open(scratch, map_size=1 << 22, subdir=True)
            with env.begin(write=True) as txn:
                for n in range(count):
                    key = hashlib.sha1(f"{category}/{n}".encode()).hexdigest()
                    image = draw_image(Path(scratch) / f"{key}.jpg", seed=("lsun", category, n))
                    txn.put(key.encode(), image.read_bytes())
            target = root / f"{category}_train_lmdb"
            target.mkdir(parents=True)
            env.copy(str(target), compact=True)
            env.close()


if __name__ == "__main__":
    if MISSING:  # checked before regenerate deletes the committed fixture
        raise SystemExit(HINT)
    regenerate(make_fixture, __file__)
