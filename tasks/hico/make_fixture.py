"""The HICO fixture: ``hico_20150920/anno.mat`` written with scipy, and images of both splits.

A few of the 600 HOI classes stand in for the list (the reader takes the list's length from the file).
The MAT-file header's creation time is replaced by fixed text so the bytes are the same on every run.
Needs scipy (the ``mat`` extra); without it the regeneration test is skipped.
Run: ``.venv/bin/python tasks/hico/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import io
import unittest
from pathlib import Path
from typing import Any

from visionflan_core.testing import draw_image, regenerate

try:
    import numpy as np
    from scipy.io import savemat
    MISSING = ""
except ImportError:  # no 'mat' extra: the regeneration test is skipped, the script says why
    MISSING = "scipy"
HINT = "the HICO fixture needs scipy: pip install 'visionflan[mat]'"

# (nname, vname, vname_ing)
ACTIONS = [("backpack", "carry", "carrying"), ("backpack", "no_interaction", "no_interaction"),
           ("hair_drier", "operate", "operating"), ("skateboard", "hold", "holding"),
           ("skateboard", "ride", "riding"), ("skateboard", "no_interaction", "no_interaction")]
# split -> (image name, {action index: label}); unlisted entries are NaN (not annotated)
IMAGES = {
    "train": [("HICO_train2015_00000001.jpg", {2: 1, 0: -1}),
              ("HICO_train2015_00031131.jpg", {3: 1, 4: 1, 5: -1}),
              ("HICO_train2015_00031132.jpg", {5: 1, 3: 0})],
    "test": [("HICO_test2015_00007901.jpg", {1: 1, 0: -1}),
             ("HICO_test2015_00007902.jpg", {0: 1, 1: -1}),
             ("HICO_test2015_00007903.jpg", {4: 1})],
}
HEADER = b"MATLAB 5.0 MAT-file, written by tasks/hico/make_fixture.py"


def make_fixture(root: Path) -> None:
    """Write ``root/hico_20150920``: anno.mat and the images of train2015 and test2015."""
    if MISSING:
        raise unittest.SkipTest(HINT)
    base = root / "hico_20150920"
    fields = [(key, "O") for key in ("nname", "vname", "vname_ing", "syn", "def", "synset", "add_def")]
    variables: dict[str, Any] = {"list_action": np.array(
        [(n, v, ing, np.array([v], dtype=object), f"{v} a {n}", f"{v}.v.01", "") for n, v, ing in ACTIONS],
        dtype=fields).reshape(-1, 1)}
    for split, images in IMAGES.items():
        matrix = np.full((len(ACTIONS), len(images)), np.nan)
        for column, (name, labels) in enumerate(images):
            draw_image(base / "images" / f"{split}2015" / name, seed=("hico", name))
            for row, value in labels.items():
                matrix[row, column] = value
        variables[f"list_{split}"] = np.array([[name] for name, _ in images], dtype=object)
        variables[f"anno_{split}"] = matrix
    buffer = io.BytesIO()
    savemat(buffer, variables)
    (base / "anno.mat").write_bytes(HEADER.ljust(116, b" ") + buffer.getvalue()[116:])


if __name__ == "__main__":
    if MISSING:  # checked before regenerate deletes the committed fixture
        raise SystemExit(HINT)
    regenerate(make_fixture, __file__)
