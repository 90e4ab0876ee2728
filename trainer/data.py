"""Dataset and collator: token ids and label masks are built once at load time (batched
tokenisation, also giving exact lengths for the sampler and the over-length check); images are
decoded and normalised lazily in DataLoader workers.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import numpy as np
import torch
from torch.utils.data import Dataset

from .conversation import IGNORE_INDEX, ConversationEncoder, Template, build_segments
from .images import ImageSpec, load_image
from .records import DropReport, Record

log = logging.getLogger(__name__)


class LlavaDataset(Dataset[dict[str, Any]]):
    """Pre-tokenised samples stored in flat numpy arrays (cheap to share with forked workers)."""

    def __init__(
        self,
        ids: Sequence[str],
        input_ids: Sequence[np.ndarray],
        labels: Sequence[np.ndarray],
        images: Sequence[Sequence[str]],
        spec: ImageSpec,
    ) -> None:
        self.ids = list(ids)
        self.lengths = np.asarray([len(x) for x in input_ids], np.int64)
        self.offsets = np.concatenate([[0], np.cumsum(self.lengths)])
        self.tokens = np.concatenate(list(input_ids)) if input_ids else np.zeros(0, np.int32)
        self.labels = np.concatenate(list(labels)) if labels else np.zeros(0, np.int32)
        self.images = [tuple(str(p) for p in imgs) for imgs in images]
        self.spec = spec
        self.has_text_only = any(not imgs for imgs in self.images)

    def __len__(self) -> int:
        return len(self.ids)

    def supervised_tokens(self, i: int) -> int:
        lab = self.labels[self.offsets[i] : self.offsets[i + 1]]
        return int((lab[1:] != IGNORE_INDEX).sum())

    def __getitem__(self, i: int) -> dict[str, Any]:
        replaced: list[str] = []
        for _ in range(len(self)):
            try:
                pixels = [load_image(p, self.spec) for p in self.images[i]]
                break
            except Exception as e:
                log.warning("image of %s failed to decode (%s); using the next sample", self.ids[i], e)
                replaced.append(self.ids[i])
                i = (i + 1) % len(self)  # deterministic replacement keeps batch shapes and DDP in step
        else:
            raise RuntimeError("no decodable image in the whole dataset")
        a, b = self.offsets[i], self.offsets[i + 1]
        return {
            "id": self.ids[i],
            "input_ids": torch.from_numpy(self.tokens[a:b].astype(np.int64)),
            "labels": torch.from_numpy(self.labels[a:b].astype(np.int64)),
            "pixel_values": [torch.from_numpy(p) for p in pixels],
            "replaced": replaced,
        }


class Collator:
    """Right-pads a micro-batch; uint8 pixels of all its images are stacked (normalised on device)."""

    def __init__(self, pad_token_id: int, pad_to_multiple_of: int = 8) -> None:
        self.pad_token_id = pad_token_id
        self.multiple = pad_to_multiple_of

    def __call__(self, items: Sequence[dict[str, Any]]) -> dict[str, Any]:
        longest = max(len(x["input_ids"]) for x in items)
        width = -(-longest // self.multiple) * self.multiple
        n = len(items)
        input_ids = torch.full((n, width), self.pad_token_id, dtype=torch.long)
        labels = torch.full((n, width), IGNORE_INDEX, dtype=torch.long)
        mask = torch.zeros((n, width), dtype=torch.long)
        for row, x in enumerate(items):
            t = len(x["input_ids"])
            input_ids[row, :t] = x["input_ids"]
            labels[row, :t] = x["labels"]
            mask[row, :t] = 1
        pixels = [p for x in items for p in x["pixel_values"]]
        return {
            "input_ids": input_ids,
            "labels": labels,
            "attention_mask": mask,
            "pixel_values": torch.stack(pixels) if pixels else None,
            "num_tokens": int((labels[:, 1:] != IGNORE_INDEX).sum()),
            "num_samples": n,
            "ids": [x["id"] for x in items],
            "replaced": [r for x in items for r in x["replaced"]],
        }


def build_dataset(
    records: Sequence[Record],
    encoder: ConversationEncoder,
    template: Template,
    max_length: int,
    spec: ImageSpec,
    report: DropReport,
) -> LlavaDataset:
    """Tokenise + mask all records; drop (and report) over-long and unsupervised samples.

    Over-long samples are dropped whole: truncating could cut an image span (which breaks the
    model's image-token count) or leave a sample with every label masked.
    """
    encoded = encoder.encode_many([build_segments(r.turns, template) for r in records])
    ids, toks, labs, imgs = [], [], [], []
    for rec, enc in zip(records, encoded, strict=True):
        if len(enc.input_ids) > max_length:
            report.add(rec.id, f"too long: {len(enc.input_ids)} tokens > max_length {max_length}")
        elif enc.num_supervised == 0:
            report.add(rec.id, "no supervised tokens")
        else:
            ids.append(rec.id)
            toks.append(enc.input_ids)
            labs.append(enc.labels)
            imgs.append([str(p) for p in rec.images])
    return LlavaDataset(ids, toks, labs, imgs, spec)
