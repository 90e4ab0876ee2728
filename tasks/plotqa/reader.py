"""PlotQA: ``<split>/qa_pairs_V2.json`` (several GB, streamed) and ``<split>/png/<image_index>.png``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from visionflan_core.reader_kit import ReadContext, SourceRecord, as_object, require, stream_json

INSTALL_HINT = "the PlotQA reader streams its multi-GB QA file with ijson: pip install 'visionflan[export]'"


def read_plotqa(
    context: ReadContext, root: Path, *, split: str = "train", qa_file: str = "qa_pairs_V2.json",
    image_dir: str = "png",
) -> Iterator[SourceRecord]:
    """One record per question; the id is ``<image_index>+S<n>``, n its 0-based place among its plot's.

    Fields: ``question`` (question_string) and ``template``; the label is the answer as text.
    """
    path = root / split / qa_file
    places: dict[str, int] = {}  # questions seen per plot: memory follows plots, not questions

    def build(record_id: object, item: Any) -> SourceRecord:
        raw = as_object(item)
        index = str(require(raw, "image_index"))
        place = places.get(index, 0)
        places[index] = place + 1
        return SourceRecord(
            id=f"{index}+S{place}",
            images=(context.image(f"{split}/{image_dir}/{index}.png"),),
            fields={"question": str(require(raw, "question_string")),
                    "template": str(raw.get("template", ""))},
            label=str(require(raw, "answer")),
        )

    def questions() -> Iterator[tuple[str, Any]]:
        try:
            with path.open("rb") as handle:  # the v2 file wraps the list in {"qa_pairs": [...]}
                start = handle.read(64).lstrip()[:1]
        except OSError:
            start = b""  # stream_json reports the unreadable file
        prefix = "qa_pairs.item" if start == b"{" else "item"
        found = stream_json(context, path, prefix, unit="question", install_hint=INSTALL_HINT,
                            report_empty=False)
        for count, item in enumerate(found, start=1):
            yield f"qa {count}", item

    yield from context.build_each(questions(), build, file=path)
