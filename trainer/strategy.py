"""Single process, DDP and FSDP (FSDP2 ``fully_shard``) behind one small interface.

Launch distributed runs with ``torchrun``; the strategy reads RANK/WORLD_SIZE/LOCAL_RANK from the
environment. State dicts go through ``torch.distributed.checkpoint.state_dict`` so saving and
loading full (unsharded) model/optimizer states is the same code for every strategy.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

import torch
import torch.distributed as dist
from torch import nn
from torch.distributed.checkpoint.state_dict import (
    StateDictOptions,
    get_model_state_dict,
    get_optimizer_state_dict,
    set_model_state_dict,
    set_optimizer_state_dict,
)

StrategyName = Literal["single", "ddp", "fsdp"]


@dataclass
class Strategy:
    name: StrategyName
    rank: int = 0
    world_size: int = 1
    local_rank: int = 0
    device: torch.device = field(default_factory=lambda: torch.device("cpu"))
    find_unused_parameters: bool = False
    _owns_group: bool = False

    @classmethod
    def from_env(cls, name: StrategyName) -> Strategy:
        """Read torchrun's env; init the process group (nccl on GPU, gloo on CPU) when needed.

        ``VF_TRAIN_DEVICE=cpu`` forces CPU + gloo even where CUDA exists (tests, debugging).
        """
        world = int(os.environ.get("WORLD_SIZE", "1"))
        rank = int(os.environ.get("RANK", "0"))
        local = int(os.environ.get("LOCAL_RANK", "0"))
        if name == "single" and world > 1:
            raise ValueError("strategy 'single' cannot run under a multi-process launcher; use ddp or fsdp")
        if torch.cuda.is_available() and os.environ.get("VF_TRAIN_DEVICE", "auto") != "cpu":
            torch.cuda.set_device(local)
            device = torch.device("cuda", local)
        else:
            device = torch.device("cpu")
        owns = False
        if name != "single" and not dist.is_initialized():
            backend = "nccl" if device.type == "cuda" else "gloo"
            if "MASTER_ADDR" not in os.environ:  # a 1-process ddp/fsdp run without torchrun
                os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT="29511", RANK="0", WORLD_SIZE="1")
            dist.init_process_group(backend, timeout=timedelta(minutes=30))
            owns = True
        return cls(name, rank, world, local, device, _owns_group=owns)

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def distributed(self) -> bool:
        return dist.is_available() and dist.is_initialized()

    @property
    def loads_on_rank0(self) -> bool:
        """FSDP over several processes: only rank 0 holds the full model; the others build it on
        the meta device and receive their shards from rank 0 (``VF_TRAIN_FSDP_LOAD=every_rank``
        restores the old path where every rank loads it, for comparison)."""
        return (
            self.name == "fsdp"
            and self.world_size > 1
            and os.environ.get("VF_TRAIN_FSDP_LOAD", "rank0") != "every_rank"
        )

    def wrap(self, model: nn.Module, bf16: bool = False) -> nn.Module:
        """Move to the device and wrap; under FSDP with ``bf16`` params are gathered in bf16.

        With ``loads_on_rank0``, rank 0's full weights are broadcast tensor by tensor into every
        rank's shards after sharding, so host memory per node stays near one model copy.
        """
        on_meta = any(p.is_meta for p in model.parameters())
        full: dict[str, Any] = {}
        if self.loads_on_rank0 and self.is_main:
            full = dict(model.state_dict())  # the CPU tensors, before .to() replaces them
        if not on_meta:
            model.to(self.device)
        if self.name == "ddp":
            from torch.nn.parallel import DistributedDataParallel

            ids = [self.device.index] if self.device.type == "cuda" else None
            return DistributedDataParallel(
                model, device_ids=ids, find_unused_parameters=self.find_unused_parameters
            )
        if self.name == "fsdp":
            from torch.distributed.fsdp import MixedPrecisionPolicy, fully_shard

            mp = MixedPrecisionPolicy(
                param_dtype=torch.bfloat16 if bf16 else None,
                reduce_dtype=torch.float32 if bf16 else None,
            )
            # Shard each transformer block (vision and language), then the root.
            for module in list(model.modules()):
                if type(module).__name__ in {"LlamaDecoderLayer", "CLIPEncoderLayer"}:
                    fully_shard(module, mp_policy=mp)
            fully_shard(model, mp_policy=mp)
            if self.loads_on_rank0:
                if on_meta:
                    model.to_empty(device=self.device)
                set_model_state_dict(
                    model,
                    full,
                    options=StateDictOptions(full_state_dict=True, broadcast_from_rank0=True),
                )
                for buffer in model.buffers():  # incl. non-persistent ones (rotary frequencies)
                    dist.broadcast(buffer, src=0)
                full.clear()
        return model

    @contextlib.contextmanager
    def accumulate(self, model: nn.Module, sync: bool) -> Iterator[None]:
        """Skip the gradient all-reduce on all but the last micro-batch of a step."""
        if self.name == "ddp" and not sync:
            with model.no_sync():  # type: ignore[operator]
                yield
        elif self.name == "fsdp":
            model.set_requires_gradient_sync(sync)  # type: ignore[operator]
            yield
        else:
            yield

    def all_reduce_sum(self, value: torch.Tensor) -> torch.Tensor:
        if self.distributed:
            dist.all_reduce(value, op=dist.ReduceOp.SUM)
        return value

    def barrier(self) -> None:
        if self.distributed:
            dist.barrier()

    def broadcast_object(self, obj: Any) -> Any:
        if not self.distributed:
            return obj
        box = [obj]
        dist.broadcast_object_list(box, src=0)
        return box[0]

    _FULL = StateDictOptions(full_state_dict=True, cpu_offload=True)

    def model_state(self, model: nn.Module) -> dict[str, Any]:
        """Full CPU state dict (collective under FSDP: every rank must call it)."""
        return get_model_state_dict(model, options=self._FULL)

    def optimizer_state(self, model: nn.Module, optimizer: torch.optim.Optimizer) -> dict[str, Any]:
        return get_optimizer_state_dict(model, optimizer, options=self._FULL)

    def load_model_state(self, model: nn.Module, state: dict[str, Any]) -> None:
        set_model_state_dict(model, state, options=StateDictOptions(full_state_dict=True))

    def load_optimizer_state(
        self, model: nn.Module, optimizer: torch.optim.Optimizer, state: dict[str, Any]
    ) -> None:
        set_optimizer_state_dict(model, optimizer, state, options=StateDictOptions(full_state_dict=True))

    def close(self) -> None:
        if self._owns_group and dist.is_initialized():
            dist.destroy_process_group()
