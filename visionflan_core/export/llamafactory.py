"""``dataset_info.json`` beside a llava export, so LLaMA-Factory trains on it with ``dataset: NAME``.

Checked against LLaMA-Factory 0.9.6.dev0 (commit ff6d4d12, 2026-08-18): ``data/parser.py`` reads
``file_name``, ``formatting``, ``columns`` and ``tags`` of the entry; ``data/loader.py`` loads
``dataset_dir/file_name`` (a file, or every file of a folder) with ``datasets.load_dataset("json")``;
``data/converter.py`` (``SharegptDatasetConverter``) maps ``from``/``value`` turns by the tags and
resolves each image path as ``os.path.join(media_dir, path)``, where ``media_dir`` defaults to
``dataset_dir``. Written here, the file makes this folder the ``dataset_dir`` and so the media folder:
the llava records' ``images/...`` paths are relative to it. The 0.9.5 release's own ``get_dataset_list``
and ``SharegptDatasetConverter`` resolved all 936 images of the demo export this way.
"""

from __future__ import annotations

import re
from typing import Any

DATA_CONFIG = "dataset_info.json"
TAGS = {"role_tag": "from", "content_tag": "value", "user_tag": "human", "assistant_tag": "gpt"}


def dataset_name(mixture: str) -> str:
    """The entry's name: the mixture's, with anything LLaMA-Factory's ``dataset:`` list splits on replaced."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", mixture).strip("_") or "visionflan"


def images_problem(images_per_example: dict[str, Any]) -> str | None:
    """Why the llava records' ``image`` field cannot load as one Arrow column, or None.

    LLaMA-Factory pins ``datasets<=4.0.0``, whose json builder reads a JSON list through pandas
    into ``pa.Table.from_pandas``: a bare path (one image) and a list (several) in one column fail,
    and a shard whose records have no image lacks the column that the next shard has.
    """
    low, high = images_per_example["min"], images_per_example["max"]
    if low is None or low == high or low >= 2:
        return None
    return (f"the records have {low} to {high} images each, so the llava `image` field is absent, a "
            "path or a list depending on the record, and LLaMA-Factory's JSON loader (datasets) needs "
            "one type per column")


def dataset_info(mixture: str, file_name: str, images_per_example: dict[str, Any]) -> dict[str, Any]:
    """The ``dataset_info.json`` content: one sharegpt entry over ``file_name`` (a file or a folder)."""
    columns = {"messages": "conversations"}
    if images_per_example["max"]:
        columns["images"] = "image"  # a path or a list of paths; the converter takes either
    return {dataset_name(mixture): {"file_name": file_name, "formatting": "sharegpt",
                                    "columns": columns, "tags": dict(TAGS)}}
