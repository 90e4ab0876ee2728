"""The MemeCap fixture: ``memes-trainval.json`` and ``memes/<img_fname>``.

Three memes with the released titles and captions in first place (trailing space kept) and
stand-in second captions; as in the real data, every ``img_fname`` ends ``.png`` though one image
is JPEG data. The JSON is indented like the repository's files.
Run: ``.venv/bin/python tasks/memecap/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

MEMES = [
    ("yy8lv2", "The Twitter diaspora continues", ["the yellow color cat", "A cat sits on a wall."],
     ["Meme poster is saying people are leaving Twitter for other sites."]),
    ("z6qxau", "Me when the", ["A man hides behind a bush."],
     ["Meme poster is trying to convey that don't like seeing their schoolmates outside school and will "
      "do anything to hide from them ", "Meme poster avoids classmates outside of school."]),
    ("zcbupg", "Oh, guess it causes a nuclear meltdown", ["A woman touches a red button."],
     ["Though someone advises the meme poster not to touch anything that is new to her, eventually she "
      "tries to do that first."]),
]


def make_fixture(root: Path) -> None:
    """Write the memes and the JSON list into the empty folder ``root``."""
    memes = []
    for number, (post_id, title, img_captions, meme_captions) in enumerate(MEMES):
        name = f"memes_{post_id}.png"
        if number == 0:  # a JPEG under a .png name, as MemeCap ships many
            draw_image(root / "memes" / "jpeg.jpg", seed=("memecap", post_id))
            (root / "memes" / "jpeg.jpg").rename(root / "memes" / name)
        else:
            draw_image(root / "memes" / name, seed=("memecap", post_id))
        memes.append({"category": "memes", "img_captions": img_captions, "meme_captions": meme_captions,
                      "title": title, "url": f"https://i.redd.it/{post_id}x1a2b3c.jpg", "img_fname": name,
                      "metaphors": [{"metaphor": "A man", "meaning": "Meme poster"}], "post_id": post_id})
    out = io.StringIO()
    json.dump(memes, out, indent=4)
    write_text(root / "memes-trainval.json", out.getvalue())


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
