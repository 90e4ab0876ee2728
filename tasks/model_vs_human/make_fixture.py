"""The model-vs-human fixture: ``<NAME>/dnn/session-1/<file>.png`` and ``<NAME>/<category>/<file>.png``.

Three session sets (the released power-equalisation image among them) and two category-folder sets
that share a file name (edge and silhouette are drawn from the same images).
Run: ``.venv/bin/python tasks/model_vs_human/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate

IMAGES = [
    "colour/dnn/session-1/0107_cr_dnn_bw_bear_12_n02132136_1480.png",
    "edge/airplane/airplane1.png",
    "eidolonI/dnn/session-1/0241_eid_dnn_8-10-10_cat_5_n02123045_9127.png",
    "power-equalisation/dnn/session-1/1099_pow_dnn_0_keyboard_35_n03085013_20138.png",
    "silhouette/airplane/airplane1.png",
]


def make_fixture(root: Path) -> None:
    """Write every image into the empty folder ``root``."""
    for path in IMAGES:
        draw_image(root / path, seed=("model_vs_human", path), shape="rectangle")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
