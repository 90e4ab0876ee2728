"""The Chart-to-Text fixture: ``statista_dataset/dataset/{imgs,captions,titles}/<N>.*``.

Three Statista charts (RGBA PNG, as released); two captions are the released targets (5843 from the
site sample, 2806 from data.json), the third is made up. A ``multiColumn/`` chart sits below with a
number that repeats one above: the default folder must not read it.
Run: ``.venv/bin/python tasks/chart2text/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

CHARTS = {
    "5843": (
        "Number of hotel rooms in France in 2019 , by region",
        "In 2019 , the French region with the highest number of hotel rooms was the Ile-de-France "
        "region . This region , which includes the city of Paris as well as the suburbs around the "
        "capital such as Versailles or Marne-la-Vallée ( home of Disneyland Paris ) , had exactly "
        "156,880 hotel rooms out of a total of 642,779 across the country ."),
    "2806": (
        "Net sales of General Mills worldwide from 2014 to 2019 ( in billion U.S. dollars )",
        "This statistic depicts the net sales of General Mills worldwide from 2014 to 2019 . According "
        "to the report , the company 's global net sales amounted to approximately 16.86 billion U.S. "
        "dollars in 2018 ."),
    "17": (
        "Share of households with a dishwasher in 2020",
        "In 2020 , 68 percent of households owned a dishwasher , up from 61 percent in 2015 ."),
}


def make_fixture(root: Path) -> None:
    """Write the charts, captions and titles into the empty folder ``root``."""
    base = root / "statista_dataset" / "dataset"
    for number, (title, caption) in CHARTS.items():
        draw_image(base / "imgs" / f"{number}.png", seed=("chart2text", number), size=(48, 32),
                   mode="RGBA", shape="rectangle")
        write_text(base / "captions" / f"{number}.txt", caption + "\n")
        write_text(base / "titles" / f"{number}.txt", title + "\n")
    draw_image(base / "multiColumn" / "imgs" / "17.png", seed=("chart2text", "multi", 17),
               size=(48, 32), mode="RGBA")
    write_text(base / "multiColumn" / "captions" / "17.txt",
               "Sales of two brands rose from 2016 to 2020 .\n")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
