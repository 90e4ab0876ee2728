"""The wikiHow-image fixture: ``data/<article>/wikihow.json`` and ``data/<article>/image/*.jpg``.

Four articles hold the four released samples (the boots' "Magazine Roll-Ups", the cilantro oven
method, the microwave dough thawing, the pine-cone dipping); their other steps are invented in the
same shape. Few steps carry a picture, so each task gets 3-10 records. A fifth article has no
``methods`` and yields nothing, as in MultiInstruct.
Run: ``.venv/bin/python tasks/wikihow_image/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import json
from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

# article folder -> methods: (name, [(headline, has picture)])
ARTICLES: dict[str, list[tuple[str, list[tuple[str, bool]]]]] = {
    "516442_store-knee-high-boots": [("Magazine Roll-Ups", [
        ("Zip up the sides of your boots in readiness for storing.", True),
        ("Roll up an unwanted magazine and insert into one boot.", True),
        ("Roll up a second unwanted magazine and insert it into the other boot.", True),
        ("Put your boots in a standing up position in your shoe storage area.", True),
        ("Check on the boots every few months.", False),
    ])],
    "11102032_dry-cilantro": [
        ("Air Drying Cilantro", [("Tie the stems together with string.", False),
                                 ("Hang the bunch upside down in a dry room.", False)]),
        ("Using an Oven to Dry Cilantro", [
            ("Wash the cilantro to remove dirt and debris.", False),
            ("Pat the leaves dry with a paper towel.", False),
            ("Preheat your oven to 250 °F (121 °C).", False),
            ("Pull the leaves off the stems.", False),
            ("Line a baking tray with parchment paper.", False),
            ("Spread the leaves on the baking tray to form 1 layer.", False),
            ("Bake the leaves for 20 to 30 minutes.", True),
            ("Remove the tray from the oven and let it cool for 10 minutes.", False),
            ("Crumble the dried leaves between your fingers.", False),
            ("Store the dried cilantro leaves in an airtight container.", False),
        ]),
    ],
    "10329050_defrost-dough": [
        ("Thawing in the Refrigerator", [("Move the dough to the refrigerator.", False),
                                         ("Leave it overnight.", False)]),
        ("Thawing with a Microwave", [
            ("Take the dough out of the freezer.", False),
            ("Set the microwave to its defrost setting.", False),
            ("Heat the dough for 1 minute.", False),
            ("Turn the dough over and heat it for another minute.", False),
            ("Remove the plastic wrap and inspect your dough.", False),
            ("Knead the dough briefly once it is soft.", True),
        ]),
    ],
    "11224393_paint-pine-cones": [("Dipping Pine Cones in Paint", [
        ("Pour some paint into a wide cup.", False),
        ("Let the pine cones dry completely.", False),
        ("Twist the end of a bamboo skewer into the top of the pine cone.", False),
        ("Dip the pine cone into the paint.", True),
        ("Stand the skewer in a block of foam to dry.", False),
    ])],
}


def make_fixture(root: Path) -> None:
    """Write the article folders into the empty folder ``root``."""
    for article, methods in ARTICLES.items():
        folder = root / "data" / article
        written: list[dict[str, object]] = []
        for m, (name, steps) in enumerate(methods):
            rows = []
            for s, (headline, pictured) in enumerate(steps):
                img = f"method_{m}_step_{s}.jpg" if pictured else ""
                if pictured:
                    draw_image(folder / "image" / img, seed=(article, img))
                rows.append({"headline": headline, "img": img})
            written.append({"name": name, "steps": rows})
        write_text(folder / "wikihow.json", json.dumps({"methods": written}, ensure_ascii=False))
    write_text(root / "data" / "5112_make-tea" / "wikihow.json", "{}")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
