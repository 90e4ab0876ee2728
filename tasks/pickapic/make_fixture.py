"""The Pick-a-Pic fixture: ``data/train-00000-of-00001.parquet`` with the v2 card's columns.

Three preference pairs over five images (the released uid and prompt "Kevin" twice, so one image is
in two pairs); the JPEG bytes are tiny drawn images. Written with pyarrow without compression,
statistics or page index, and with the writer's version in the footer zeroed (same length), so the
bytes do not depend on the pyarrow release. Needs pyarrow (the ``export`` extra); without it the
regeneration test is skipped.
Run: ``.venv/bin/python tasks/pickapic/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import datetime
import io
import re
import tempfile
import unittest
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
    MISSING = ""
except ImportError:  # no 'export' extra: the regeneration test is skipped, the script says why
    MISSING = "pyarrow"
HINT = "the Pick-a-Pic fixture needs pyarrow: pip install 'visionflan[export]'"

KEVIN = "e23c08c1-7efd-4c38-96e2-fc39004639fe"
# caption, (uid, model) of image 0, (uid, model) of image 1, label_0
PAIRS = [
    ("Kevin", (KEVIN, "sdxl"), ("5b1f0a4e-2c3d-4e5f-8a9b-0c1d2e3f4a5b", "sd-2.1"), 1.0),
    ("a watercolor fox in the snow", ("7c2e1b5f-3d4e-4f60-9b0c-1d2e3f4a5b6c", "sdxl"),
     ("8d3f2c60-4e5f-4071-8c1d-2e3f4a5b6c7d", "sd-1.5"), 0.5),
    ("Kevin", ("9e403d71-5f60-4182-9d2e-3f4a5b6c7d8e", "sd-2.1"), (KEVIN, "sdxl"), 0.0),
]


def _table(images: dict[str, bytes]) -> pa.Table:
    rows = []
    for number, (caption, (uid_0, model_0), (uid_1, model_1), label_0) in enumerate(PAIRS):
        best = uid_0 if label_0 > 0.5 else uid_1 if label_0 < 0.5 else "none"
        rows.append({
            "are_different": True, "best_image_uid": best, "caption": caption,
            "created_at": datetime.datetime(2023, 4, 1, 12, number), "has_label": True,
            "image_0_uid": uid_0, "image_0_url": f"https://images.pickapic.io/{uid_0}.png",
            "image_1_uid": uid_1, "image_1_url": f"https://images.pickapic.io/{uid_1}.png",
            "jpg_0": images[uid_0], "jpg_1": images[uid_1], "label_0": label_0, "label_1": 1 - label_0,
            "model_0": model_0, "model_1": model_1, "ranking_id": 1000 + number, "user_id": 42,
            "num_example_per_prompt": 1, "__index_level_0__": number})
    return pa.Table.from_pylist(rows)


def make_fixture(root: Path) -> None:
    """Write the Parquet shard into the empty folder ``root``."""
    if MISSING:
        raise unittest.SkipTest(HINT)
    uids = sorted({uid for _, (a, _), (b, _), _ in PAIRS for uid in (a, b)})
    with tempfile.TemporaryDirectory() as scratch:
        images = {uid: draw_image(Path(scratch) / f"{uid}.jpg", seed=("pickapic", uid)).read_bytes()
                  for uid in uids}
    out = io.BytesIO()
    pq.write_table(_table(images), out, compression="NONE", write_statistics=False,
                   store_schema=False, write_page_index=False)
    data = re.sub(rb"(parquet-cpp-arrow version )([0-9.]+)",
                  lambda m: m.group(1) + re.sub(rb"[0-9]", b"0", m.group(2)), out.getvalue())
    (root / "data").mkdir(parents=True)
    (root / "data" / "train-00000-of-00001.parquet").write_bytes(data)


if __name__ == "__main__":
    if MISSING:  # checked before regenerate deletes the committed fixture
        raise SystemExit(HINT)
    regenerate(make_fixture, __file__)
