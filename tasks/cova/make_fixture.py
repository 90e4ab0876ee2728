"""The CoVA fixture: ``splits/domain_wise_imgs/<domain>.txt`` and ``data/imgs/<id>.png``.

The layout of the repository's splits plus the Drive screenshots: three domain lists (the released
8841 under www.amazon.com, a domain without ``www.`` as real ones are), RGBA PNG screenshots as the
real ones, and a bounding-box folder no task reads.
Run: ``.venv/bin/python tasks/cova/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

DOMAINS = {"poshmark.com": ["502", "532"], "www.amazon.com": ["57", "8841"], "www.ebay.com": ["203"]}


def make_fixture(root: Path) -> None:
    """Write the domain lists and one screenshot per listed id into the empty folder ``root``."""
    for domain, ids in DOMAINS.items():
        write_text(root / "splits" / "domain_wise_imgs" / f"{domain}.txt", "".join(f"{i}\n" for i in ids))
        for webpage in ids:
            draw_image(root / "data" / "imgs" / f"{webpage}.png", seed=("cova", webpage), mode="RGBA")
    write_text(root / "splits" / "all_domains.txt", "".join(f"{d}\n" for d in DOMAINS))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
