"""The SciCap fixture: ``SciCap-Caption-All/<split>/<figure>.json`` and the matching PNGs.

Four figures without subfigures (two train, one val, one test) under ``SciCap-No-Subfig-Img/`` and one with
subfigures under ``SciCap-Yes-Subfig-Img/`` (left out by the default options). The first caption is
the README's example; the JSON is written on one line.
Run: ``.venv/bin/python tasks/scicap/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

# (split, figure id, contains subfigure, original caption)
FIGURES = [
    ("train", "1001.0025v1-Figure2-1", False,
     "Figure 2: Impact of the replay attack, as a function of the spoofing attack duration."),
    ("train", "1607.01234v2-Figure5-1", False,
     "Figure 5: Test accuracy versus the number of training epochs for three learning rates."),
    ("train", "1802.04321v1-Figure3-1", True,
     "Figure 3: (a) Loss on the training set. (b) Loss on the validation set."),
    ("val", "1905.00012v3-Figure1-1", False,
     "Figure 1: Running time of the solver as the graph grows from 10 to 10,000 nodes."),
    ("test", "2003.07777v1-Figure4-1", False,
     "Figure 4: Precision and recall of the detector at different thresholds."),
]


def _lowercase(original: str) -> dict[str, object]:
    text = original.split(": ", 1)[1].lower()
    tokens = text.replace(",", " ,").replace(".", " .").replace("(", "( ").replace(")", " )").split()
    caption = " ".join(tokens)
    return {"caption": caption, "sentence": [caption], "token": tokens}


def make_fixture(root: Path) -> None:
    """Write one JSON per figure and its image into the empty folder ``root``."""
    for split, figure, subfigure, original in FIGURES:
        lowercase = _lowercase(original)
        record = {
            "contains-subfigure": subfigure, "paper-ID": figure.split("-")[0],
            "figure-ID": f"{figure}.png", "figure-type": "Graph Plot",
            "0-originally-extracted": original,
            "1-lowercase-and-token-and-remove-figure-index": lowercase,
            "2-normalized": {"2-1-basic-num": lowercase, "2-2-advanced-euqation-bracket": lowercase},
            "Img-text": ["0", "10", "accuracy"],
        }
        write_text(root / "SciCap-Caption-All" / split / f"{figure}.json", json.dumps(record))
        images = "SciCap-Yes-Subfig-Img" if subfigure else "SciCap-No-Subfig-Img"
        draw_image(root / images / split / f"{figure}.png", seed=("scicap", figure), size=(40, 28))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
