"""The WIT fixture: ``wit_v1.train.all-00000-of-00010.tsv.gz`` and img2dataset's ``images/`` output.

Six rows of the 17 documented columns: three English rows with a page description (the released
Taganrog and HPLC targets among them), the HPLC image again on another page, a German row and an
English row without a page description (both left out). Only the texts of the released rows are
real; the others are short stand-ins. The gzip stream has no name and mtime 0, so it is
reproducible. ``images/`` is what img2dataset's ``files`` output writes for the ``image_url``
column, less the ``.parquet`` stats.
Run: ``.venv/bin/python tasks/wit/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

from visionflan_core.readers.img2dataset import write_files_output
from visionflan_core.testing import draw_image, regenerate

COLUMNS = [
    "language", "page_url", "image_url", "page_title", "section_title", "hierarchical_section_title",
    "caption_reference_description", "caption_attribution_description", "caption_alt_text_description",
    "mime_type", "original_height", "original_width", "is_main_image", "attribution_passes_lang_id",
    "page_changed_recently", "context_page_description", "context_section_description",
]
COMMONS = "https://upload.wikimedia.org/wikipedia/commons"
HPLC = (
    "High-performance liquid chromatography is a technique in analytical chemistry used to separate, "
    "identify, and quantify each component in a mixture. It relies on pumps to pass a pressurized "
    "liquid solvent containing the sample mixture through a column filled with a solid adsorbent "
    "material. Each component in the sample interacts slightly differently with the adsorbent "
    "material, causing different flow rates for the different components and leading to the "
    "separation of the components as they flow out of the column.")
# language, page title, image url, page description
ROWS = [
    ("en", "Alexandrovskaya Square", f"{COMMONS}/3/3c/Emperor_Alexander_I.jpg",
     "Alexandrovskaya Square is a city square of Taganrog."),
    ("de", "Alexanderplatz (Taganrog)", f"{COMMONS}/3/3c/Emperor_Alexander_I.jpg",
     "Der Alexanderplatz ist ein Platz in Taganrog."),
    ("en", "High-performance liquid chromatography", f"{COMMONS}/0/0b/Hplc.JPG", HPLC),
    ("en", "Chromatography", f"{COMMONS}/0/0b/Hplc.JPG",
     "Chromatography is a laboratory technique for the separation of a mixture into its components."),
    ("en", "Half Dome", f"{COMMONS}/a/a9/Half_Dome_from_Glacier_Point%2C_Yosemite_NP.jpg",
     "Half Dome is a quartz monzonite batholith at the eastern end of Yosemite Valley."),
    ("en", "Glacier Point", f"{COMMONS}/5/5e/Glacier_Point_sign.jpg", ""),
]


def _tsv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for language, title, url, description in ROWS:
        name = url.rsplit("/", 1)[1]
        writer.writerow([
            language, f"https://{language}.wikipedia.org/wiki/{title.replace(' ', '_')}", url, title,
            "", "", f"{title}.", f"English: {name}", "", "image/jpeg", "32", "32", "true", "true",
            "false", description, ""])
    return gzip.compress(out.getvalue().encode("utf-8"), mtime=0)


def make_fixture(root: Path) -> None:
    """Write the gzip TSV and the downloaded images into the empty folder ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "wit_v1.train.all-00000-of-00010.tsv.gz").write_bytes(_tsv())
    urls = list(dict.fromkeys(url for _, _, url, _ in ROWS))
    write_files_output(root / "images", [{"url": url} for url in urls],
                       lambda path, key: draw_image(path, seed=("wit", key)))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
