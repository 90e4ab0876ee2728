"""RedCaps reader: annotations joined to img2dataset's download or the official downloader's tree."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from visionflan_core.reader_kit import ReadContext
from visionflan_core.testing import copy_fixture, read_task, write_json

from .reader import read_redcaps

FIXTURE = Path(__file__).parent / "fixture"
TASK = "redcaps_reddit_caption_1"
FILE = "annotations/itookapicture_2020.json"


def test_bad_annotations_and_dead_links_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "redcaps")
    data = json.loads((root / FILE).read_text())
    del data["annotations"][0]["caption"]                                   # no caption
    data["annotations"][1]["url"] = "https://i.imgur.com/gone.jpg"           # never downloaded
    data["annotations"].append("not an object")
    (root / FILE).write_text(json.dumps(data))
    (root / "images/00000/000000000.jpg").unlink()                           # saved, then lost
    (root / "annotations/broken_2020.json").write_text('{"annotations": [')
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["c5tkq1yp7hn31.jpg"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        ("annotations/broken_2020.json", None, None),
        ("annotations", "grilledcheese_2019.json#0", "image"),
        ("annotations", "itookapicture_2020.json#0", "caption"),
        ("annotations", "itookapicture_2020.json#2", None),
        ("annotations", None, "image")]
    assert problems[-1].message.startswith("1 of 5 records have no image downloaded")


def test_official_downloader_layout(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "redcaps")
    shutil.rmtree(root / "images")
    for path in ("grilledcheese/hnppgvfv3p641", "grilledcheese/c5tkq1yp7hn31",
                 "itookapicture/jerf2m8vipw01"):                            # YdNDoNz never fetched
        (root / "images" / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURE / "images/00000/000000000.jpg", root / "images" / f"{path}.jpg")
    context = ReadContext(TASK, root)
    records = list(read_redcaps(context, root, downloader="redcaps"))
    assert [r.images[0] for r in records] == [
        "images/grilledcheese/hnppgvfv3p641.jpg", "images/grilledcheese/c5tkq1yp7hn31.jpg",
        "images/itookapicture/jerf2m8vipw01.jpg"]
    assert [(p.record_id, p.field) for p in context.problems] == [("itookapicture_2020.json#1", "image")]


def test_no_annotation_files_is_one_problem(tmp_path: Path) -> None:
    root = tmp_path / "redcaps"
    write_json(root / "notes.json", {})
    records, problems = read_task(TASK, root)
    assert records == [] and [p.file for p in problems] == ["annotations"]
