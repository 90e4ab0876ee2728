"""One stage end to end: resolve the model source, load + validate data, train, save.

Kept separate from the CLI so tests and the pipeline command call the same function.
"""

from __future__ import annotations

import json
import logging
import random
from pathlib import Path
from typing import Any

import numpy as np
import torch

from . import checkpoint as ckpt
from .config import StageConfig
from .conversation import ConversationEncoder
from .data import LlavaDataset, build_dataset
from .errors import ConfigError, DataError, ModelError
from .images import ImageSpec
from .loop import TrainResult, train
from .model import LoadedModel, assemble, load_model, load_projector
from .outdir import mark_run_folder
from .records import DropReport, load_records
from .strategy import Strategy, StrategyName

log = logging.getLogger(__name__)


def seed_everything(seed: int) -> None:
    """Seed Python's, NumPy's and torch's global RNGs (checkpoints save and restore all three)."""
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)


def model_source(cfg: StageConfig, override: str | None) -> str | tuple[str, str]:
    """--model > init_from > model > (vision_tower, language_model)."""
    for src in (override, cfg.init_from, cfg.model):
        if src:
            return src
    if cfg.vision_tower and cfg.language_model:
        return (cfg.vision_tower, cfg.language_model)
    raise ConfigError("no model: pass --model, or set init_from, model, or vision_tower + language_model")


def _unloadable(src: str | tuple[str, str], error: Exception) -> ModelError:
    """One line naming the model and what to pass instead of transformers' traceback."""
    names = " + ".join(src) if isinstance(src, tuple) else src
    first = str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__
    local = [s for s in (src if isinstance(src, tuple) else (src,)) if Path(s).exists()]
    if local and len(local) == (2 if isinstance(src, tuple) else 1):
        return ModelError(f"cannot load model {names!r} from its local folder: {first}")
    return ModelError(
        f"cannot load model {names!r}: not a local folder, and the Hugging Face hub has no such model or "
        f"cannot be reached (HF_HUB_OFFLINE={'1' if _offline() else '0'}; {first}). Pass --model with a "
        "local LLaVA checkpoint folder (or 'tiny'), or set vision_tower and language_model in the "
        "stage config to local checkpoint folders"
    )


def _offline() -> bool:
    import os

    return os.environ.get("HF_HUB_OFFLINE", "0").lower() in ("1", "true", "yes", "on")


def load_stage_model(cfg: StageConfig, override: str | None) -> LoadedModel:
    src = model_source(cfg, override)
    try:
        loaded = assemble(*src) if isinstance(src, tuple) else load_model(src, seed=cfg.seed)
    except ModelError:
        raise
    except (OSError, ValueError) as error:  # hub errors are OSError; a malformed repo id, ValueError
        raise _unloadable(src, error) from error
    continuing = override is None and bool(cfg.init_from)  # stage 2 keeps stage 1's projector
    if cfg.projector and not continuing:
        load_projector(loaded.model, Path(cfg.projector))
    return loaded


def load_model_for(strategy: Strategy, cfg: StageConfig, override: str | None) -> LoadedModel:
    """The stage's model; under FSDP with ``loads_on_rank0`` only rank 0 reads the weights.

    The other ranks get the config and processor from rank 0 and build the model on the meta
    device (no memory); ``Strategy.wrap`` fills their shards from rank 0 after sharding.
    """
    if not strategy.loads_on_rank0:
        return load_stage_model(cfg, override)
    loaded = load_stage_model(cfg, override) if strategy.is_main else None
    payload = (loaded.model.config, loaded.model.generation_config, loaded.processor) if loaded else None
    # if rank 0 fails to load it exits with its one-line error, and torchrun stops the others
    config, generation_config, processor = strategy.broadcast_object(payload)
    if loaded is not None:
        return loaded
    from transformers import LlavaForConditionalGeneration

    with torch.device("meta"):
        model = LlavaForConditionalGeneration(config)
    model.generation_config = generation_config
    return LoadedModel(model, processor)


def prepare_data(
    cfg: StageConfig,
    loaded: LoadedModel,
    data: Path,
    image_folder: Path | None = None,
    allow_incomplete: bool = False,
    out_dir: Path | None = None,
) -> tuple[LlavaDataset, DropReport]:
    """Validate, tokenise and mask every record; raises DataError if nothing usable is left.

    With ``out_dir`` the drop report is written there even when nothing is left.
    """
    if cfg.max_length <= loaded.image_seq_length:
        raise ConfigError(
            f"max_length {cfg.max_length} is shorter than the image span "
            f"({loaded.image_seq_length} image tokens + text)"
        )
    records, report = load_records(data, cfg.template, image_folder, allow_incomplete=allow_incomplete)
    encoder = ConversationEncoder(loaded.tokenizer, loaded.image_token_id, loaded.image_seq_length)
    spec = ImageSpec.from_processor(loaded.processor.image_processor, cfg.image_aspect, cfg.image_processing)
    dataset = build_dataset(records, encoder, cfg.template, cfg.max_length, spec, report)
    log.info("data %s: %s", data, report.summary(len(dataset)))
    for d in report.dropped[:10]:
        log.info("  dropped %s: %s", d.id, d.reason)
    if out_dir is not None:
        write_drop_report(report, out_dir)
    if len(dataset) == 0:
        raise DataError(f"empty mixture: no valid records in {data} ({report.summary(0)})")
    return dataset, report


def check_inputs(
    data: Path, cfg: StageConfig, image_folder: Path | None = None, allow_incomplete: bool = False
) -> DropReport:
    """Up-front check of one stage's data (completion marker, JSON, record rule, images).

    ``vf-train pipeline`` runs it on both stages' data before stage 1 trains, so a bad stage-2
    input fails in seconds rather than after stage 1.
    """
    records, report = load_records(Path(data), cfg.template, image_folder, allow_incomplete=allow_incomplete)
    if not records:
        raise DataError(f"empty mixture: no valid records in {data} ({report.summary(0)})")
    return report


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
    allow_incomplete: bool = False,
) -> TrainResult:
    if not Path(data).exists():
        raise DataError(f"data path does not exist: {data}")
    if resume and ckpt.latest_checkpoint(out_dir) is None:
        raise ConfigError(
            f"--resume: no finished checkpoint under {out_dir / 'checkpoints'}; "
            "drop --resume to start a new run there (with --overwrite if the folder is not empty)"
        )
    strategy = Strategy.from_env(strategy_name)
    try:
        cfg.accumulation_steps(strategy.world_size)
        seed_everything(cfg.seed)
        loaded = load_model_for(strategy, cfg, model)
        main_out = out_dir if strategy.is_main else None
        if main_out is not None:
            mark_run_folder(out_dir)
        dataset, _ = prepare_data(cfg, loaded, Path(data), image_folder, allow_incomplete, main_out)
        if strategy.is_main:
            (out_dir / "stage_config.json").write_text(cfg.model_dump_json(indent=2))
        return train(cfg, loaded, dataset, strategy, out_dir, max_steps=max_steps, resume=resume)
    finally:
        strategy.close()


__all__: list[Any] = [
    "ModelError",
    "check_inputs",
    "load_model_for",
    "load_stage_model",
    "model_source",
    "prepare_data",
    "run_stage",
    "seed_everything",
]
