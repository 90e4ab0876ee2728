"""Conceptual Captions reader: TSV rows joined to img2dataset's download; dead links counted once."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

from .reader import url_name

FIXTURE = Path(__file__).parent / "fixture"
TASK = "conceptualcaptions_image_captioning"
TSV = "Train_GCC-training.tsv"


def test_url_names_are_the_released_ids() -> None:
    assert url_name("https://media.gettyimages.com/photos/actor-x-picture-id801541154?s=612x612") == (
        "actor-x-picture-id801541154.jpg")
    assert url_name("http://a.example/p/My%20Photo.PNG") == "My Photo.PNG"


def test_bad_rows_and_missing_images_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "conceptualcaptions")
    lines = (root / TSV).read_text().splitlines()
    lines[1] = "only a caption"                                   # line 2: no url column
    lines[2] = "\t" + lines[2].split("\t")[1]                     # line 3: empty caption
    lines.append("a dog\thttp://dead.example/dog.jpg")            # line 5: never downloaded
    (root / TSV).write_text("caption\turl\n" + "\n".join(lines) + "\n")  # img2dataset's sed header
    (root / "images/00000/000000003.jpg").unlink()                # line 5 of the file: image gone
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == [
        "actor-damson-idris-arrives-at-the-premiere-of-fxs-snowfall-at-the-at-picture-id801541154.jpg"]
    assert [(p.file, p.record_id, p.field) for p in problems] == [
        (TSV, "3", "url"), (TSV, "4", "caption"), (TSV, "5", "image"), (TSV, None, "image")]
    assert problems[-1].message.startswith("1 of 5 records have no image downloaded by img2dataset")


def test_missing_tsv_is_one_problem(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "conceptualcaptions")
    (root / TSV).unlink()
    records, problems = read_task(TASK, root)
    assert records == [] and [p.file for p in problems] == [TSV]
