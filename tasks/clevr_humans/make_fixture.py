"""The CLEVR-Humans fixture: CLEVR-Humans-train.json and three CLEVR v1.0 train images.

Layout as the CLEVR-Humans zip unpacks beside CLEVR_v1.0 (the images are CLEVR's). Image 003462's
first question and answer are the released Vision-Flan sample; the rest is invented in the style of
human-written questions.
Run: ``.venv/bin/python tasks/clevr_humans/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate, write_json

SAMPLES: dict[int, list[tuple[str, str]]] = {
    3462: [("What color block is farthest back?", "yellow"),
           ("Are all the spheres shiny?", "no")],
    10012: [("How many things are the same size as the purple cube?", "2")],
    41230: [("What shape is the object closest to the camera?", "cylinder"),
            ("Is the red ball bigger than the green one?", "yes")],
}


def make_fixture(root: Path) -> None:
    """Write the questions file (no ``program``: human questions have none) and the images."""
    rows = [{"image_index": index, "image_filename": f"CLEVR_train_{index:06d}.png",
             "question": question, "answer": answer, "split": "train"}
            for index, pairs in SAMPLES.items() for question, answer in pairs]
    write_json(root / "CLEVR-Humans" / "CLEVR-Humans-train.json", {"questions": rows})
    names = [f"CLEVR_train_{index:06d}.png" for index in SAMPLES]
    draw_images(root / "CLEVR_v1.0" / "images" / "train", names, mode="RGBA")


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
