"""Length-grouped, per-rank deterministic batch sampler that resumes mid-epoch.

Like LLaVA's ``LengthGroupedSampler``: shuffle (seeded by seed + epoch), cut into mega-batches,
sort each mega-batch by length so micro-batches pad little. Our mega-batch is one *global* batch,
so which samples form an optimizer step does not depend on how it is split across ranks and
accumulation steps (single process and DDP see the same global batches). State = (epoch, position).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np


class LengthGroupedBatchSampler:
    """Yields this rank's micro-batches (lists of dataset indices) for one epoch."""

    def __init__(
        self,
        lengths: Sequence[int],
        per_device_batch_size: int,
        accumulation_steps: int,
        world_size: int = 1,
        rank: int = 0,
        seed: int = 0,
        group_by_length: bool = True,
    ) -> None:
        if not lengths:
            raise ValueError("no samples")
        self.lengths = np.asarray(lengths, dtype=np.int64)
        self.per_device = per_device_batch_size
        self.accum = accumulation_steps
        self.world_size = world_size
        self.rank = rank
        self.seed = seed
        self.group_by_length = group_by_length
        self.epoch = 0
        self.position = 0  # micro-batches of this rank to skip at the start of ``epoch``

    @property
    def global_batch_size(self) -> int:
        return self.per_device * self.accum * self.world_size

    @property
    def steps_per_epoch(self) -> int:
        """Optimizer steps per epoch; a final partial global batch wraps around to the start."""
        return -(-len(self.lengths) // self.global_batch_size)

    def __len__(self) -> int:
        return self.steps_per_epoch * self.accum - self.position

    def state_dict(self) -> dict[str, int]:
        return {"epoch": self.epoch, "position": self.position}

    def load_state_dict(self, state: dict[str, int]) -> None:
        self.epoch, self.position = int(state["epoch"]), int(state["position"])

    def set_epoch(self, epoch: int) -> None:
        self.epoch, self.position = epoch, 0

    def _rank_batches(self) -> list[list[int]]:
        rng = np.random.default_rng([self.seed, self.epoch])
        perm = rng.permutation(len(self.lengths))
        total = self.steps_per_epoch * self.global_batch_size
        perm = np.resize(perm, total)  # wrap around to fill the last global batch
        out: list[list[int]] = []
        for g in range(self.steps_per_epoch):
            mega = perm[g * self.global_batch_size : (g + 1) * self.global_batch_size]
            if self.group_by_length:
                mega = mega[np.argsort(-self.lengths[mega], kind="stable")]
            chunks = mega.reshape(self.accum * self.world_size, self.per_device)
            # chunk k goes to rank k % world_size as its (k // world_size)-th micro-batch
            out.extend(chunks[k].tolist() for k in range(self.rank, len(chunks), self.world_size))
        return out

    def __iter__(self) -> Iterator[list[int]]:
        # ``position`` is where iteration starts (set by the loop on resume); iterating does not
        # move it, because DataLoader prefetching runs ahead of what training has consumed.
        yield from self._rank_batches()[self.position :]
