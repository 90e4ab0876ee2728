"""The WikiArt fixture: ArtGAN's class files and lists, and ``wikiart/<Style>/<file>.jpg``.

The class files are the real ones (23 artists, 10 genres). ``Artist/artist_train`` keeps the
repository's shape (a header line, then ``path,,index``); the genre lists are ``path,index``. Four
artist rows: the two released paintings (Konchalovsky, van Gogh), a Rembrandt from the real list,
and a Durer with no genre label (left out by the task). Run:
``.venv/bin/python tasks/wikiart/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_text

ARTISTS = ["Albrecht_Durer", "Boris_Kustodiev", "Camille_Pissarro", "Childe_Hassam", "Claude_Monet",
           "Edgar_Degas", "Eugene_Boudin", "Gustave_Dore", "Ilya_Repin", "Ivan_Aivazovsky",
           "Ivan_Shishkin", "John_Singer_Sargent", "Marc_Chagall", "Martiros_Saryan", "Nicholas_Roerich",
           "Pablo_Picasso", "Paul_Cezanne", "Pierre_Auguste_Renoir", "Pyotr_Konchalovsky",
           "Raphael_Kirchner", "Rembrandt", "Salvador_Dali", "Vincent_van_Gogh"]
GENRES = ["abstract_painting", "cityscape", "genre_painting", "illustration", "landscape", "nude_painting",
          "portrait", "religious_painting", "sketch_and_study", "still_life"]
# (image path, artist index, genre index or None)
PAINTINGS = [
    ("Post_Impressionism/pyotr-konchalovsky_still-life-candlestick-and-the-tube-on-a-red-background-1947.jpg",
     18, 9),
    ("Post_Impressionism/vincent-van-gogh_irises-1889.jpg", 22, 4),
    ("Baroque/rembrandt_the-jewish-bride-1666.jpg", 20, 6),
    ("Northern_Renaissance/albrecht-durer_garza.jpg", 0, None),
]


def make_fixture(root: Path) -> None:
    """Write the class files, the lists and one small image per painting into ``root``."""
    write_text(root / "Artist" / "artist_class", "".join(f"{i} {n}\n" for i, n in enumerate(ARTISTS)))
    write_text(root / "Genre" / "genre_class", "".join(f"{i} {n}\n" for i, n in enumerate(GENRES)))
    write_text(root / "Artist" / "artist_train", "(Path to image),, (Groundtruth class) \n\n"
               + "".join(f"{path},,{artist}\n" for path, artist, _ in PAINTINGS))
    labelled = [(path, genre) for path, _, genre in PAINTINGS if genre is not None]
    write_text(root / "Genre" / "genre_train.csv", "".join(f"{p},{g}\n" for p, g in labelled[:2]))
    write_text(root / "Genre" / "genre_val.csv", "".join(f"{p},{g}\n" for p, g in labelled[2:]))
    for path, _, _ in PAINTINGS:
        draw_image(root / "wikiart" / path, seed=path)


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
