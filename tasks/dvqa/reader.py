"""DVQA: ``qa/<split>_qa.json`` (a JSON list, streamed) and ``images/bar_<split>_<id>.png``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SourceRecord, as_object, require

INSTALL_HINT = "the DVQA reader streams its QA files with ijson: pip install 'visionflan[export]'"


def read_dvqa(
    context: ReadContext, root: Path, *, split: str = "train", question_rank: int = 0,
    image_dir: str = "images", qa_dir: str = "qa",
) -> Iterator[SourceRecord]:
    """The ``question_rank``-th question (0-based, file order) of each image; the id is the image name.

    Fields: ``question`` and ``template_id`` (structure, data or reasoning); the label is the answer.
    """
    try:
        import ijson
    except ImportError as error:
        raise ImportError(INSTALL_HINT) from error
    path = root / qa_dir / f"{split}_qa.json"
    asked: dict[str, int] = {}  # questions seen per image: grows with images, not with questions

    def build(record_id: object, item: Any) -> SourceRecord | None:
        raw = as_object(item)
        image = str(require(raw, "image"))
        rank = asked.get(image, 0)
        asked[image] = rank + 1
        if rank != question_rank:
            return None
        return SourceRecord(
            id=image,
            images=(context.image(f"{image_dir}/{image}"),),
            fields={"question": str(require(raw, "question")),
                    "template_id": str(raw.get("template_id", ""))},
            label=str(require(raw, "answer")),
        )

    def items() -> Iterator[tuple[str, Any]]:
        number = 0
        try:
            with path.open("rb") as handle:
                for number, item in enumerate(ijson.items(handle, "item", use_float=True), start=1):
                    yield f"question {number}", item
        except OSError as error:
            context.problem(f"cannot read: {error.strerror or error}", file=path)
        except ijson.JSONError as error:
            context.problem(f"not a valid JSON list after question {number}: {error}", file=path)

    yield from context.build_each(items(), build, file=path)
