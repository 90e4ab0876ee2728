"""The training loop: token-weighted loss over a global batch, accumulation, checkpoints, logs.

The loss of a step is (sum of token losses over every micro-batch on every rank) / (supervised
tokens in the global batch). The global token count is all-reduced before the backward passes,
and each micro-batch's summed loss is scaled by world_size / global_tokens so that DDP/FSDP's
gradient *averaging* yields exactly that ratio, independent of how the batch is split.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader
from transformers import get_scheduler

from . import checkpoint as ckpt
from .config import StageConfig
from .conversation import IGNORE_INDEX
from .data import Collator, LlavaDataset
from .images import normalize
from .logs import MetricsLogger
from .model import (
    LoadedModel,
    apply_freeze,
    enable_gradient_checkpointing,
    save_final,
    training_processor,
)
from .sampler import LengthGroupedBatchSampler
from .strategy import Strategy

log = logging.getLogger(__name__)


@dataclass
class TrainResult:
    steps: int
    losses: list[float] = field(default_factory=list)  # per optimizer step run in this call
    final_dir: Path | None = None
    resumed_from: Path | None = None


def make_optimizer(model: nn.Module, cfg: StageConfig) -> torch.optim.AdamW:
    """AdamW over trainable params; no weight decay on biases and norms (HF Trainer's rule)."""
    decay: list[nn.Parameter] = []
    no_decay: list[nn.Parameter] = []
    for name, p in model.named_parameters():
        if p.requires_grad:
            (no_decay if p.ndim < 2 or "norm" in name.lower() else decay).append(p)
    groups = [
        {"params": decay, "weight_decay": cfg.weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]
    on_cuda = all(p.is_cuda for p in decay + no_decay)
    # fused: one kernel per step for all parameters instead of a handful per tensor (CUDA only)
    return torch.optim.AdamW(
        groups, lr=cfg.lr, betas=(cfg.adam_beta1, cfg.adam_beta2), fused=on_cuda or None
    )


def token_loss_sum(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Summed next-token cross-entropy over supervised positions (fp32 for stability)."""
    return F.cross_entropy(
        logits[:, :-1].reshape(-1, logits.shape[-1]).float(),
        labels[:, 1:].reshape(-1),
        ignore_index=IGNORE_INDEX,
        reduction="sum",
    )


def _autocast(cfg: StageConfig, device: torch.device) -> contextlib.AbstractContextManager[Any]:
    if cfg.precision == "bf16":
        return torch.autocast(device.type, dtype=torch.bfloat16)
    return contextlib.nullcontext()


class _Batches:
    """Endless micro-batch stream over epochs that knows its (epoch, position) for checkpoints."""

    def __init__(
        self, loader: DataLoader[Any], sampler: LengthGroupedBatchSampler, epoch: int, position: int
    ):
        self.loader, self.sampler = loader, sampler
        self.epoch, self.position = epoch, position
        sampler.set_epoch(epoch)
        sampler.position = position
        self._it: Iterator[dict[str, Any]] = iter(loader)

    def next(self) -> dict[str, Any]:
        batch = next(self._it, None)
        if batch is None:
            self.epoch += 1
            self.position = 0
            self.sampler.set_epoch(self.epoch)
            self._it = iter(self.loader)
            batch = next(self._it)
        self.position += 1
        return batch


def train(
    cfg: StageConfig,
    loaded: LoadedModel,
    dataset: LlavaDataset,
    strategy: Strategy,
    out_dir: Path,
    max_steps: int | None = None,
    resume: bool = False,
    save_final_model: bool = True,
) -> TrainResult:
    accum = cfg.accumulation_steps(strategy.world_size)
    sampler = LengthGroupedBatchSampler(
        dataset.lengths.tolist(),
        cfg.per_device_batch_size,
        accum,
        strategy.world_size,
        strategy.rank,
        cfg.seed,
    )
    total = cfg.total_steps(sampler.steps_per_epoch, max_steps)
    model = loaded.model
    counts = apply_freeze(model, cfg.freeze)
    log.info(
        "trainable params: %s; %d steps (%d/epoch), accumulation %d",
        counts,
        total,
        sampler.steps_per_epoch,
        accum,
    )
    if cfg.gradient_checkpointing:
        enable_gradient_checkpointing(model, cfg.checkpoint_layers)
    model.config.use_cache = False
    strategy.find_unused_parameters = dataset.has_text_only  # text-only batches skip the projector
    wrapped = strategy.wrap(model, bf16=cfg.precision == "bf16" and strategy.device.type == "cuda")
    optimizer = make_optimizer(wrapped, cfg)
    schedule = "constant_with_warmup" if cfg.schedule == "constant" else cfg.schedule
    scheduler = get_scheduler(
        schedule, optimizer, num_warmup_steps=cfg.num_warmup_steps(total), num_training_steps=total
    )

    state = ckpt.TrainerState(step=0, epoch=0, position=0, samples_seen=0, tokens_seen=0)
    resumed_from = ckpt.latest_checkpoint(out_dir) if resume else None
    if resumed_from is not None:
        loaded_ck = ckpt.load(resumed_from, strategy.rank)
        strategy.load_model_state(wrapped, loaded_ck.model_state)
        strategy.load_optimizer_state(wrapped, optimizer, loaded_ck.optimizer_state)
        scheduler.load_state_dict(loaded_ck.scheduler_state)
        state = loaded_ck.state
        if loaded_ck.rng is not None:
            ckpt.set_rng_state(loaded_ck.rng)
        log.info("resumed from %s (step %d)", resumed_from, state.step)

    loader = DataLoader(
        dataset,
        batch_sampler=sampler,
        num_workers=cfg.num_workers,
        collate_fn=Collator(int(loaded.tokenizer.pad_token_id)),
        pin_memory=strategy.device.type == "cuda",
        persistent_workers=False,
    )
    batches = _Batches(loader, sampler, state.epoch, state.position)
    device = strategy.device
    result = TrainResult(steps=state.step, resumed_from=resumed_from)
    with MetricsLogger(
        out_dir,
        enabled=strategy.is_main,
        report_to=cfg.report_to,
        total_steps=total,
        resume_step=state.step if resumed_from is not None else None,
        run_config=cfg.model_dump(),
    ) as metrics:
        while state.step < total:
            t0 = time.perf_counter()
            micro = [batches.next() for _ in range(accum)]
            t_data = time.perf_counter() - t0
            n_tokens = torch.tensor(float(sum(b["num_tokens"] for b in micro)), device=device)
            global_tokens = strategy.all_reduce_sum(n_tokens).item()
            wrapped.train()
            loss_sum = torch.zeros((), device=device)
            for j, b in enumerate(micro):
                pixel_values = b["pixel_values"]
                if pixel_values is not None:
                    pixel_values = normalize(pixel_values.to(device, non_blocking=True), dataset.spec)
                with strategy.accumulate(wrapped, sync=j == accum - 1):
                    with _autocast(cfg, device):
                        out = wrapped(
                            input_ids=b["input_ids"].to(device, non_blocking=True),
                            attention_mask=b["attention_mask"].to(device, non_blocking=True),
                            pixel_values=pixel_values,
                        )
                        tok_loss = token_loss_sum(out.logits, b["labels"].to(device, non_blocking=True))
                    (tok_loss * (strategy.world_size / max(global_tokens, 1.0))).backward()
                loss_sum += tok_loss.detach()
            grad_norm = (
                torch.nn.utils.clip_grad_norm_(
                    [p for p in wrapped.parameters() if p.requires_grad], cfg.max_grad_norm
                )
                if cfg.max_grad_norm
                else None
            )
            lr = scheduler.get_last_lr()[0]
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            stats_t = torch.tensor(
                [
                    float(loss_sum),
                    float(sum(b["num_samples"] for b in micro)),
                    float(sum(int(b["attention_mask"].sum()) for b in micro)),
                    float(sum(len(b["replaced"]) for b in micro)),
                ],
                device=device,
            )
            stats = strategy.all_reduce_sum(stats_t).tolist()
            dt = time.perf_counter() - t0
            loss = stats[0] / max(global_tokens, 1.0)
            state.step += 1
            state.epoch, state.position = batches.epoch, batches.position
            state.samples_seen += int(stats[1])
            state.tokens_seen += int(stats[2])
            result.losses.append(loss)
            if state.step % cfg.log_every == 0 or state.step == total:
                record: dict[str, Any] = {
                    "step": state.step,
                    "epoch": state.epoch,
                    "loss": loss,
                    "lr": lr,
                    "grad_norm": None if grad_norm is None else float(grad_norm),
                    "samples_per_s": stats[1] / dt,
                    "tokens_per_s": stats[2] / dt,
                    "data_wait_frac": t_data / dt,
                    "step_s": dt,
                    "supervised_tokens": int(global_tokens),
                }
                if stats[3]:
                    record["replaced_images"] = int(stats[3])
                metrics.log(record)
            if cfg.save_every and state.step % cfg.save_every == 0 and state.step < total:
                save_checkpoint(strategy, wrapped, optimizer, scheduler, state, out_dir, cfg.keep_checkpoints)
    result.steps = state.step
    if save_final_model:
        final_state = strategy.model_state(wrapped)
        if strategy.is_main:
            result.final_dir = out_dir / "final"
            dtype = torch.bfloat16 if cfg.precision == "bf16" else None
            processor = training_processor(loaded, cfg.template, dataset.spec)
            save_final(loaded, final_state, result.final_dir, dtype, processor)
        strategy.barrier()
    return result


def save_checkpoint(
    strategy: Strategy,
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    scheduler: Any,
    state: ckpt.TrainerState,
    out_dir: Path,
    keep: int | None,
) -> None:
    """Collective: every rank gathers state and writes its RNG; rank 0 writes and renames."""
    model_state = strategy.model_state(model)
    optim_state = strategy.optimizer_state(model, optimizer)
    tmp = ckpt.tmp_dir(out_dir, state.step)
    if strategy.is_main:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        ckpt.write_shared(tmp, model_state, optim_state, scheduler.state_dict())
    strategy.barrier()
    ckpt.write_rank(tmp, strategy.rank)
    strategy.barrier()
    if strategy.is_main:
        path = ckpt.finalize(tmp, state, keep)
        log.info("saved checkpoint %s", path)
    strategy.barrier()
