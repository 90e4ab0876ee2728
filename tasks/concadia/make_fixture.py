"""The Concadia fixture: ``wiki_split.json`` and ``resized/<row_id>.jpg`` (256x256 in the release).

Four entries; the released samples give the texts of 34442 (description), 90742 and 11629
(caption + start of context). The JSON is indented by 4, as ``create_split_json.py`` writes it.
Run: ``.venv/bin/python tasks/concadia/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

# filename: (article, split, description, caption, context)
ENTRIES = {
    "34442.jpg": (
        "Sanibel Island Light", "train",
        "Red-and-white-striped lighthouse, behind a stand of palm trees",
        "Sanibel Island Light in 2008",
        "The lighthouse was built in 1884 on the eastern tip of the island."),
    "90742.jpg": (
        "Hermeneutic style", "train",
        "A page of a medieval manuscript in a dense insular hand",
        "The beginning of the Regularis Concordia, drafted by thelwold in hermeneutic style",
        "David Woodman gives a translation of the start of a charter drafted by \"thelstan A\", S 416 "
        "issued on 12 November 931:"),
    "11629.jpg": (
        "Battle of the Trebbia (1799)", "val",
        "Portrait of a white-haired man in a uniform with many medals",
        "Alexander Suvorov",
        "The Austro-Russian army commanded by Field Marshal Suvorov was organized into three "
        "columns on 18 June."),
    "82731.jpg": (
        "Vincent van Gogh's early works", "test",
        "Ink drawing of a crowd of people waiting outside an office",
        "The State Lottery Office ('The Poor and Money'), watercolor, September 1882, Van Gogh "
        "Museum, Amsterdam (F970, JH222).[Works 21][Letters 39]",
        " Orphan Man with Long Overcoat and Umbrella, Seen from the Back, sketch in letter 268 (R14)"),
}


def _text(raw: str) -> dict[str, object]:
    return {"raw": raw, "tokens": raw.split()}


def make_fixture(root: Path) -> None:
    """Write the images and the split file into the empty folder ``root``."""
    images: list[dict[str, object]] = []
    for name, (article, split, description, caption, context) in ENTRIES.items():
        draw_image(root / "resized" / name, seed=("concadia", name))
        images.append({"article_id": article, "filename": name, "orig_filename": f"{article}.jpg",
                       "description": _text(description), "caption": _text(caption),
                       "context": _text(context), "split": split})
    write_text(root / "wiki_split.json", json.dumps({"images": images}, indent=4))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
