"""DocVQA single-page task (Task 1 of the RRC DocVQA challenge), in either packaging.

- Current download: ``spdocvqa_qas/<split>_v1.0_withQT.json`` and ``spdocvqa_images/<page>.png``
  (``spdocvqa_qas.zip`` and ``spdocvqa_images.tar.gz``); an entry's ``image`` still reads
  ``documents/<page>.png``, so the page is looked up by file name in the images folder (or under
  the entry's own path there, should an unpacked copy keep ``documents/``).
- Older download: ``<split>/<split>_v1.0.json`` beside ``<split>/documents/``; ``image`` is
  relative to the annotation file's folder.

The first packaging whose annotation file exists is read; each is ``{"data": [...]}``.
``answer_list`` and ``keyed`` serve the other RRC question files (InfographicVQA, ST-VQA) too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord, as_object, load_shaped, require

CURRENT = {"annotations": "spdocvqa_qas/train_v1.0_withQT.json", "images": "spdocvqa_images"}
OLDER = {"annotations": "train/train_v1.0.json", "images": "train"}


def read_docvqa(
    context: ReadContext,
    root: Path,
    *,
    packagings: Sequence[dict[str, str]] = (CURRENT, OLDER),
    record_id: Literal["page_question", "question"] = "page_question",
) -> Iterator[SourceRecord]:
    """One record per question: field ``question``; the label is the ``answers`` list.

    ``packagings``: ``{annotations, images}`` pairs, tried in order. ``record_id``:
    ``page_question`` gives ``<page image name>-<questionId>`` (the DOCVQA release keys instances by
    the page, which several questions share), ``question`` the bare ``questionId``.
    """
    chosen = next((p for p in packagings if (root / p["annotations"]).is_file()), None)
    if chosen is None:
        context.problem("no DocVQA annotation file; expected one of: "
                        + ", ".join(p["annotations"] for p in packagings))
        return
    path = root / chosen["annotations"]
    entries = load_shaped(context, path, list, "data")
    if entries is None:
        return

    def build(_: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        question_id = require(raw, "questionId")
        answers = answer_list(raw)
        image = context.image(_page(root, chosen["images"], str(require(raw, "image"))))
        return SourceRecord(
            id=f"{Path(image).name}-{question_id}" if record_id == "page_question" else str(question_id),
            images=(image,),
            fields={"question": str(require(raw, "question")).strip()},
            label=answers,
        )

    yield from context.build_each(keyed(entries, "questionId"), build, file=path)


def answer_list(raw: dict[str, Any]) -> list[str]:
    """The entry's ``answers``, stripped; ``SkipRecord`` unless it is a non-empty list."""
    answers = require(raw, "answers")
    if not isinstance(answers, list) or not answers:
        raise SkipRecord("field 'answers' is not a non-empty list", field="answers")
    return [str(a).strip() for a in answers]


def keyed(entries: list[Any], key: str) -> list[tuple[object, Any]]:
    """``(entry[key] or "#<index>", entry)`` pairs: how problems name the entries of a list."""
    return [((r.get(key) if isinstance(r, dict) else None) or f"#{n}", r)
            for n, r in enumerate(entries)]


def _page(root: Path, images: str, image: str) -> str:
    """The entry's path under ``images`` if it is there, else its file name directly in ``images``."""
    kept = f"{images}/{image}"
    return kept if (root / kept).is_file() else f"{images}/{Path(image).name}"
