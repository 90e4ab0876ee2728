"""model-vs-human through the path-label reader: set name as label, stems widened only where repeated."""

from __future__ import annotations

import os
from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "model_vs_human_image_style_classification"


def test_labels_ids_and_a_missing_image(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "model_vs_human")
    (root / "stylized" / "dnn" / "session-1").mkdir(parents=True)
    os.symlink(root / "nowhere.png", root / "stylized" / "dnn" / "session-1" / "0001_sty_dnn_0_cat_1_x.png")
    records, problems = read_task(TASK, root)
    assert [(r.id, r.label) for r in records] == [
        ("0107_cr_dnn_bw_bear_12_n02132136_1480", "colour"), ("edge/airplane/airplane1", "edge"),
        ("0241_eid_dnn_8-10-10_cat_5_n02123045_9127", "eidolonI"),
        ("1099_pow_dnn_0_keyboard_35_n03085013_20138", "power-equalisation"),
        ("silhouette/airplane/airplane1", "silhouette")]
    assert [(p.record_id, p.field) for p in problems] == [("0001_sty_dnn_0_cat_1_x", "image")]
