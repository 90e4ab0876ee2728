"""The InfographicVQA fixture: the train QA file and three small JPEG "infographics".

Layout as the RRC downloads unpack (infographicsvqa_qas/, infographicsvqa_images/). Questions
12878 (image 11533.jpeg) and 14123 (11269.jpeg) carry the released Vision-Flan samples; the third
question, the second answers and the other fields are invented.
Run: ``.venv/bin/python tasks/infographicvqa/make_fixture.py`` (rewrites ``fixture/`` beside it).
"""

from __future__ import annotations

from pathlib import Path

from visionflan_core.testing import draw_images, regenerate, write_json

ROWS = [
    (12878, "11533", "Which are the countries that have confirmed cases between 25000 and 50000?",
     ["US, Spain", "Spain, US"]),
    (14123, "11269", "What is the total number of employees in St Charles county?", ["138,032"]),
    (14124, "11269", "Which county has the fewest employees?", ["Lincoln"]),
    (20471, "20471", "What percentage of people work from home?", ["36%", "36"]),
]


def make_fixture(root: Path) -> None:
    """Write the QA file and one image per infographic."""
    data = [{"questionId": qid, "question": question, "image_local_name": f"{image}.jpeg",
             "image_url": f"https://example.org/infographics/{image}.jpeg",
             "ocr_output_file": f"{image}.json", "answers": answers, "data_split": "train"}
            for qid, image, question, answers in ROWS]
    write_json(root / "infographicsvqa_qas" / "infographicsVQA_train_v1.0.json",
               {"dataset_name": "infographicVQA", "dataset_version": "1.0",
                "dataset_split": "train", "data": data})
    draw_images(root / "infographicsvqa_images", sorted({f"{row[1]}.jpeg" for row in ROWS}))


if __name__ == "__main__":
    regenerate(make_fixture, __file__)
