"""WikiArt reader: artist and genre lists joined per image; unknown classes and gaps reported."""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import copy_fixture, read_task

FIXTURE = Path(__file__).parent / "fixture"

TASK = "wikiart_art_classification"


def test_join_names_artist_genre_and_folder_style() -> None:
    records, problems = read_task(TASK, FIXTURE)
    assert problems == []
    assert [r.id for r in records] == [
        "pyotr-konchalovsky_still-life-candlestick-and-the-tube-on-a-red-background-1947.jpg",
        "vincent-van-gogh_irises-1889.jpg", "rembrandt_the-jewish-bride-1666.jpg"]
    assert records[1].fields == {"artist": "Vincent van Gogh", "genre": "landscape",
                                 "style": "Post Impressionism"}


def test_unknown_class_missing_image_and_bad_lines_are_reported(tmp_path: Path) -> None:
    root = copy_fixture(FIXTURE, tmp_path, "wikiart")
    artists = root / "Artist" / "artist_train"
    lines = artists.read_text().splitlines()
    lines[2] = lines[2].replace(",,18", ",,99")
    lines.append("just-a-path.jpg")
    artists.write_text("\n".join(lines) + "\n")
    (root / "wikiart" / "Post_Impressionism" / "vincent-van-gogh_irises-1889.jpg").unlink()
    genres = root / "Genre" / "genre_val.csv"
    genres.write_text(genres.read_text() + "Baroque/x.jpg,12\n")
    records, problems = read_task(TASK, root)
    assert [r.id for r in records] == ["rembrandt_the-jewish-bride-1666.jpg"]
    assert {(p.file, p.record_id, p.field) for p in problems} == {
        ("Genre/genre_val.csv", "line 2", "class"),
        ("Artist/artist_train", "line 3", "class"),
        ("Artist/artist_train", "line 4", "image"),
        ("Artist/artist_train", "line 7", "class")}
