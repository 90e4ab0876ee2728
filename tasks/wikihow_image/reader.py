"""wikiHow-image as MultiInstruct packaged it: ``data/<article>/wikihow.json`` and its step images.

Each article folder holds ``wikihow.json`` (``{"methods": [{"name": ..., "steps": [{"headline": ...,
"img": "method_<m>_step_<s>.jpg"}, ...]}, ...]}``; a step without a picture has an empty ``img``) and
``image/<img>``. MultiInstruct's four tasks read the steps of one method around step ``i``:

- ``next_step``: the picture of step ``i``; the target is step ``i + 1``'s headline;
- ``image_text_step_order``: the picture of step ``i`` and the headline of step ``i + 1`` or ``i - 1``
  (a seeded coin): is the text the next or the previous step?
- ``text_image_step_order``: the headline of step ``i`` and the picture of step ``i + 1`` or ``i - 1``;
  a record whose chosen neighbour has no picture is left out, as MultiInstruct did;
- ``immediate_next_step_selection``: the picture of step ``i``; options are step ``i + 1`` and about half
  of the method's other steps (never ``i``), drawn with the reader kit's :class:`OtherRecords`.

The record id is ``<article>_method_<m>_step_<i>``: MultiInstruct's id (``wikihow_<task>_<article>``)
names only the article, which is not unique.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

from visionflan_core.reader_kit import (
    OtherRecords,
    ReadContext,
    SkipRecord,
    SourceRecord,
    as_object,
    derive_seed,
    load_json,
    require,
)

Kind = Literal["next_step", "image_text_step_order", "text_image_step_order", "immediate_next_step_selection"]
ORDER = ("next", "previous")


def read_wikihow(
    context: ReadContext,
    root: Path,
    *,
    kind: Kind,
    data_dir: str = "data",
    split_file: str | None = None,
    split: str = "train",
    shared_history: bool = True,
) -> Iterator[SourceRecord]:
    """The records of one MultiInstruct wikiHow task over the articles under ``data_dir``.

    Articles: those ``split_file`` (MultiInstruct's ``wikihow_split.json``, copied beside ``data/``)
    lists under ``split``, or with no ``split_file`` every article folder, sorted. Fields: ``method``
    (the method's name, MultiInstruct's "goal"), ``text`` (a headline, empty where the task shows
    none) and ``history``. With ``shared_history`` (the release's behaviour: MultiInstruct appended
    to one list per method, so every record shows it whole) ``history`` is the headline of every
    pictured step but the last, the target included; without it, the pictured steps before ``i``.
    """
    for article in _articles(context, root, data_dir, split_file, split):
        path = root / data_dir / article / "wikihow.json"
        data = load_json(context, path)
        if data is None:
            continue
        if not isinstance(data, dict):
            context.problem("wikihow.json is not an object", file=path)
            continue
        methods = data.get("methods")
        if methods is None:
            continue  # an article without methods: MultiInstruct skips it too
        if not isinstance(methods, list):
            context.problem("methods is not a list", file=path, field="methods")
            continue
        items: list[tuple[object, Any]] = []
        for number, method in enumerate(methods):
            steps = method.get("steps") if isinstance(method, dict) else None
            if not isinstance(steps, list):
                context.problem("method has no list of steps", file=path, record_id=f"method {number}",
                                field="steps")
                continue
            items += [(f"{article}_method_{number}_step_{i}", (article, method, steps, i))
                      for i in range(len(steps))]
        yield from context.build_each(items, _builder(context, data_dir, kind, shared_history), file=path)


def _articles(context: ReadContext, root: Path, data_dir: str, split_file: str | None,
              split: str) -> list[str]:
    if split_file is not None:
        splits = load_json(context, root / split_file)
        listed = splits.get(split) if isinstance(splits, dict) else None
        if not isinstance(listed, list):
            if splits is not None:
                context.problem(f"no list of articles for split {split!r}", file=root / split_file,
                                field=split)
            return []
        return [str(name) for name in listed]
    folder = root / data_dir
    if not folder.is_dir():
        context.problem("data folder not found", file=folder)
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir())


def _builder(
    context: ReadContext, data_dir: str, kind: Kind, shared_history: bool,
) -> Callable[[object, Any], SourceRecord | None]:
    def build(record_id: object, raw: tuple[str, dict[str, Any], list[Any], int]) -> SourceRecord | None:
        article, method, steps, i = raw
        name = str(require(method, "name"))

        def headline(j: int) -> str:
            return str(require(_step(steps, j), "headline"))

        def picture(j: int) -> str | None:
            img = _img(_step(steps, j))
            return context.image(f"{data_dir}/{article}/image/{img}") if img else None

        last = len(steps) - 1
        rng = random.Random(derive_seed("wikihow", context.task_id, record_id))
        fields: dict[str, Any] = {"method": name, "text": "", "history": []}
        if kind in ("image_text_step_order", "text_image_step_order"):
            if not 1 <= i < last:
                return None
            answer = 0 if rng.uniform(0, 1) > 0.5 else 1  # next, previous
            neighbour = i + 1 if answer == 0 else i - 1
            shown, told = (i, neighbour) if kind == "image_text_step_order" else (neighbour, i)
            image = picture(shown)
            if image is None:
                return None
            fields["text"] = headline(told)
            return SourceRecord(id=str(record_id), images=(image,), fields=fields, label=ORDER[answer],
                                choices=ORDER, answer_index=answer)
        if i >= last:
            return None
        image = picture(i)
        if image is None:
            return None
        if kind == "next_step":
            pictured = [j for j in range(last) if (shared_history or j < i) and _img(_step(steps, j))]
            fields["history"] = [headline(j) for j in pictured]
            return SourceRecord(id=str(record_id), images=(image,), fields=fields, label=headline(i + 1))
        others = [j for j in range(len(steps)) if j not in (i, i + 1)]
        count = len(others) // 2 if len(others) / 2 >= 2 else min(2, len(others))
        if count == 0:
            return None  # a two-step method: no option but the answer, MultiInstruct leaves it out
        pool = OtherRecords(range(len(steps)), group=lambda j: j, task_id=context.task_id)
        drawn = pool.draw(record_id, i, count, rng=rng, distinct=lambda j: j, avoid={i + 1}, field="steps")
        choices = (*(headline(j) for j in drawn), headline(i + 1))
        return SourceRecord(id=str(record_id), images=(image,), fields=fields, label=choices[-1],
                            choices=choices, answer_index=len(choices) - 1)

    return build


def _step(steps: list[Any], j: int) -> dict[str, Any]:
    step = as_object(steps[j])
    if "img" not in step:
        raise SkipRecord(f"step {j} has no img key", field="img")
    return step


def _img(step: dict[str, Any]) -> str | None:
    img = step.get("img")
    if img is not None and not isinstance(img, str):
        raise SkipRecord(f"img {img!r} is not a file name", field="img")
    return img or None
