"""The RedCaps fixture: ``annotations/<subreddit>_<year>.json`` and img2dataset's ``images/`` output.

Four annotations in two files; the first two carry the released image ids and captions, the rest
are plausible stand-ins. ``images/`` is what img2dataset's ``files`` output writes for the URL list
(url, caption, image_id per row), less the ``.parquet`` stats.
Run: ``.venv/bin/python tasks/redcaps/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.readers.img2dataset import write_files_output
from visionflan_core.testing import draw_image, regenerate, write_text

ANNOTATIONS = {
    "grilledcheese_2019": [
        ("hnppgvfv3p641", "https://i.redd.it/hnppgvfv3p641.jpg", "Forbidden grilled cheese sandwich",
         "forbidden grilled cheese sandwich", 1577000000.0),
        ("c5tkq1yp7hn31", "https://i.redd.it/c5tkq1yp7hn31.jpg", "First attempt at a patty melt [homemade]",
         "first attempt at a patty melt", 1569000000.0),
    ],
    "itookapicture_2020": [
        ("jerf2m8vipw01", "https://i.redd.it/jerf2m8vipw01.jpg", "Pilot is AE", "pilot is ae",
         1590000000.0),
        ("YdNDoNz", "https://i.imgur.com/YdNDoNz.jpg", "ITAP of somebody who opened their eyes!",
         "somebody opened their eyes!", 1600000000.0),
    ],
}


def _annotation(subreddit: str, row: tuple[str, str, str, str, float]) -> dict[str, object]:
    image_id, url, raw_caption, caption, created = row
    return {"image_id": image_id, "author": f"user_{image_id[:4].lower()}", "url": url,
            "raw_caption": raw_caption, "caption": caption, "subreddit": subreddit, "score": 42,
            "created_utc": created, "permalink": f"/r/{subreddit}/comments/{image_id[:6].lower()}/",
            "crosspost_parents": None}


def make_fixture(root: Path) -> None:
    """Write the annotation files and the downloaded images into the empty folder ``root``."""
    urls: list[dict[str, object]] = []
    for name, rows in ANNOTATIONS.items():
        subreddit, year = name.rsplit("_", 1)
        info = {"url": "https://redcaps.xyz", "version": "1.0", "start_date": f"{year}-01-01",
                "end_date": f"{year}-12-31", "word_filter": True, "nsfw_filter": True,
                "face_filter": True}
        annotations = [_annotation(subreddit, row) for row in rows]
        write_text(root / "annotations" / f"{name}.json",
                   json.dumps({"info": info, "annotations": annotations}))
        urls += [{"url": a["url"], "caption": a["caption"], "image_id": a["image_id"]}
                 for a in annotations]
    write_files_output(root / "images", urls, lambda path, key: draw_image(path, seed=("redcaps", key)))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
