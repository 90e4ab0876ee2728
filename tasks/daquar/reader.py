"""DAQUAR: ``qa.894.raw*.txt`` (a question line, then its answer line) and ``nyu_depth_images/image<N>.png``.

The image is named inside the question (``... in the image1189 ?``); the question is given back without
that phrase, capitalised and ending in ``?``, the way the release shows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from visionflan_core.reader_kit import ReadContext, SkipRecord, SourceRecord

IMAGE = re.compile(r"\bimage(\d+)\b")
IN_THE_IMAGE = re.compile(r"\s*\bin (?:the |this )?image\d+\b")


def read_daquar(
    context: ReadContext,
    root: Path,
    *,
    qa_file: str = "qa.894.raw.txt",
    image_dir: str = "nyu_depth_images",
    encoding: str = "utf-8",
) -> Iterator[SourceRecord]:
    """One record per question/answer pair, id ``image<N>.png+<pair index>`` (0-based, in the file)."""
    path = root / qa_file
    try:
        lines = [line.strip() for line in path.read_text(encoding=encoding).splitlines()]
    except FileNotFoundError:
        context.problem("file is missing", file=path)
        return
    except UnicodeDecodeError as error:
        context.problem(f"not valid {encoding} at byte {error.start}; set the reader option encoding",
                        file=path)
        return
    except OSError as error:
        context.problem(f"cannot read: {error.strerror or error}", file=path)
        return
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) % 2:
        context.problem(f"{len(lines)} lines: the last question has no answer line", file=path,
                        record_id=len(lines) // 2, field="answer")

    def build(index: object, pair: tuple[str, str]) -> SourceRecord:
        question, answer = pair
        found = IMAGE.search(question)
        if found is None:
            raise SkipRecord("the question names no image<N>", field="question")
        if not answer:
            raise SkipRecord("empty answer line", field="answer")
        image = f"image{found.group(1)}.png"
        text = IMAGE.sub("image", IN_THE_IMAGE.sub("", question)).rstrip(" ?")
        if not text:
            raise SkipRecord("empty question", field="question")
        return SourceRecord(
            id=f"{image}+{index}",
            images=(context.image(f"{image_dir}/{image}"),),
            fields={"question": text[0].upper() + text[1:] + "?"},
            label=answer,
        )

    pairs = zip(lines[0::2], lines[1::2], strict=False)
    yield from context.build_each(enumerate(pairs), build, file=path)
