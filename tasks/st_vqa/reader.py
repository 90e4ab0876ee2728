"""ST-VQA: ``train_task_3.json`` (``{"data": [...]}``) and ``train_images/<source>/<file>``.

An entry is ``{question_id, question, answers, file_path: "<source>/<file>", file_name, dataset,
set_name}``; ``file_path`` is relative to the images folder (DocVQA's RRC helpers read it).
Tasks 1-2 files carry the same questions plus answer dictionaries; task 3 (open vocabulary) is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from visionflan_tasks.docvqa.reader import answer_list, keyed

from visionflan_core.reader_kit import ReadContext, SourceRecord, as_object, load_shaped, require


def read_st_vqa(
    context: ReadContext,
    root: Path,
    *,
    annotations: str = "train_task_3.json",
    image_dir: str = "train_images",
    record_id: Literal["image", "image_question"] = "image",
) -> Iterator[SourceRecord]:
    """Field ``question``; the label is the ``answers`` list.

    ``record_id="image"`` keeps an image's first question in file order, id = the image file name
    (the released id, which several questions of one image would share); ``"image_question"``
    keeps every question, id = ``<file name>-<question_id>``.
    """
    path = root / annotations
    entries = load_shaped(context, path, list, "data")
    if entries is None:
        return
    seen: set[str] = set()

    def build(_: object, item: Any) -> SourceRecord | None:
        raw = as_object(item)
        file_path = str(require(raw, "file_path"))
        name = Path(file_path).name
        if record_id == "image":
            if name in seen:
                return None  # a later question of an image already taken
            seen.add(name)
        answers = answer_list(raw)
        return SourceRecord(
            id=name if record_id == "image" else f"{name}-{require(raw, 'question_id')}",
            images=(context.image(f"{image_dir}/{file_path}"),),
            fields={"question": str(require(raw, "question")).strip()},
            label=answers,
        )

    yield from context.build_each(keyed(entries, "question_id"), build, file=path)
