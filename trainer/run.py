"""One stage end to end: resolve the model source, load + validate data, train, save.

Kept separate from the CLI so tests and the pipeline command call the same function.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import torch

from .config import ConfigError, StageConfig
from .conversation import ConversationEncoder
from .data import LlavaDataset, build_dataset
from .images import ImageSpec
from .loop import TrainResult, train
from .model import LoadedModel, ModelError, assemble, load_model, load_projector
from .records import DataError, DropReport, load_records
from .strategy import Strategy, StrategyName

log = logging.getLogger(__name__)


def model_source(cfg: StageConfig, override: str | None) -> str | tuple[str, str]:
    """--model > init_from > model > (vision_tower, language_model)."""
    for src in (override, cfg.init_from, cfg.model):
        if src:
            return src
    if cfg.vision_tower and cfg.language_model:
        return (cfg.vision_tower, cfg.language_model)
    raise ConfigError("no model: pass --model, or set init_from, model, or vision_tower + language_model")


def load_stage_model(cfg: StageConfig, override: str | None) -> LoadedModel:
    src = model_source(cfg, override)
    if isinstance(src, tuple):
        loaded = assemble(*src)
    elif src != "tiny" and not Path(src).exists() and "/" not in src:
        raise ConfigError(f"model not found: {src}")
    else:
        loaded = load_model(src, seed=cfg.seed)
    continuing = override is None and bool(cfg.init_from)  # stage 2 keeps stage 1's projector
    if cfg.projector and not continuing:
        load_projector(loaded.model, Path(cfg.projector))
    return loaded


def prepare_data(
    cfg: StageConfig, loaded: LoadedModel, data: Path, image_folder: Path | None = None
) -> tuple[LlavaDataset, DropReport]:
    """Validate, tokenise and mask every record; raises DataError if nothing usable is left."""
    if cfg.max_length <= loaded.image_seq_length:
        raise ConfigError(
            f"max_length {cfg.max_length} is shorter than the image span "
            f"({loaded.image_seq_length} image tokens + text)"
        )
    records, report = load_records(data, cfg.template, image_folder)
    encoder = ConversationEncoder(loaded.tokenizer, loaded.image_token_id, loaded.image_seq_length)
    spec = ImageSpec.from_processor(loaded.processor.image_processor, cfg.image_aspect, cfg.image_processing)
    dataset = build_dataset(records, encoder, cfg.template, cfg.max_length, spec, report)
    log.info("data %s: %s", data, report.summary(len(dataset)))
    for d in report.dropped[:10]:
        log.info("  dropped %s: %s", d.id, d.reason)
    if len(dataset) == 0:
        raise DataError(f"empty mixture: no valid records in {data} ({report.summary(0)})")
    return dataset, report


def write_drop_report(report: DropReport, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / "dropped.jsonl").open("w") as f:
        for d in report.dropped:
            f.write(json.dumps({"id": d.id, "reason": d.reason}) + "\n")


def run_stage(
    cfg: StageConfig,
    data: Path,
    out_dir: Path,
    model: str | None = None,
    max_steps: int | None = None,
    resume: bool = False,
    strategy_name: StrategyName = "single",
    image_folder: Path | None = None,
) -> TrainResult:
    if not Path(data).exists():
        raise DataError(f"data path does not exist: {data}")
    strategy = Strategy.from_env(strategy_name)
    try:
        cfg.accumulation_steps(strategy.world_size)
        torch.manual_seed(cfg.seed)
        loaded = load_stage_model(cfg, model)
        dataset, report = prepare_data(cfg, loaded, Path(data), image_folder)
        if strategy.is_main:
            write_drop_report(report, out_dir)
            (out_dir / "stage_config.json").write_text(cfg.model_dump_json(indent=2))
        return train(cfg, loaded, dataset, strategy, out_dir, max_steps=max_steps, resume=resume)
    finally:
        strategy.close()


__all__ = ["ModelError", "load_stage_model", "model_source", "prepare_data", "run_stage"]
