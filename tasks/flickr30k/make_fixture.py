"""The Flickr30k fixture: Karpathy's ``dataset_flickr30k.json`` and ``flickr30k-images/<id>.jpg``.

Four images: the released one (4898966335, its five captions as the release shows them), the first
image of the real file (1000092795, its real captions) and two with short made-up captions; one
of them is in the ``val`` split, which the task leaves out. Keys and nesting as in the real file.
Run: ``.venv/bin/python tasks/flickr30k/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_image, regenerate, write_json

IMAGES = [
    ("1000092795.jpg", "train", [
        "Two young guys with shaggy hair look at their hands while hanging out in the yard.",
        "Two young, White males are outside near many bushes.",
        "Two men in green shirts are standing in a yard.",
        "A man in a blue shirt standing in a garden.",
        "Two friends enjoy time spent together."]),
    ("4898966335.jpg", "train", [
        "A young woman intently looking at something while another woman in a hat looks on.",
        "A young girl in glasses observes something in the distance.",
        "a teenager and her mom at a public place.",
        "A blond girl is fixing her sunglasses.",
        "A woman adjusts her sunglasses."]),
    ("2513260012.jpg", "train", [
        "A dog runs through the snow.", "A brown dog is running in snow.", "A dog in the snow.",
        "An animal outside in winter.", "A dog plays outdoors."]),
    ("3637013.jpg", "val", [
        "Three people wait at a bus stop.", "People stand at a stop.", "A bus stop with people.",
        "Commuters waiting.", "Three men near a road."]),
]


def make_fixture(root: Path) -> None:
    """Write the Karpathy-split JSON and one small image per entry into ``root``."""
    entries = []
    sentid = 0
    for imgid, (name, split, captions) in enumerate(IMAGES):
        sentences = []
        for caption in captions:
            tokens = caption.lower().replace(",", "").replace(".", "").split()
            sentences.append({"tokens": tokens, "raw": caption, "imgid": imgid, "sentid": sentid})
            sentid += 1
        entries.append({"sentids": [s["sentid"] for s in sentences], "imgid": imgid,
                        "sentences": sentences, "split": split, "filename": name})
        draw_image(root / "flickr30k-images" / name, seed=name)
    write_json(root / "dataset_flickr30k.json", {"images": entries, "dataset": "flickr30k"})


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
