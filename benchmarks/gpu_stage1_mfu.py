"""Stage-1 training throughput and MFU on one GPU, with Vision-Flan's real layer shapes.

Two figures, side by side (``--mode both``, the default):

* ``trainer_step``: ``vf-train``'s own loop (``visionflan_trainer.loop.train``) with the shipped
  ``stage1.yaml``: the trainer's model class and fp32 weights under bf16 autocast (its dtype
  policy), its AdamW (fused on CUDA), full gradient checkpointing, global batch 128 = micro-batch
  16 x 8 accumulation on one GPU, length-grouped batches padded by its collator with attention
  masks, images decoded by its DataLoader workers, on generated Vision-Flan-like records (one
  image, 40-160-word prompts, 3-80-word answers: about 700-900 tokens each). Step time is the
  trainer's own ``step_s`` from ``train_log.jsonl``; MFU counts only real (unpadded) tokens.
* ``pure_step``: the hand-written pure-bf16 step below on random unpadded 2048-token sequences,
  an upper bound for the same shapes (what ``gpu_stage1_mfu_h200.jsonl`` recorded so far).

    python benchmarks/gpu_stage1_mfu.py --out results.json   # GPU, both figures, ~4-5 minutes
    python benchmarks/gpu_stage1_mfu.py --smoke              # CPU, tiny shapes, seconds

The rest of this docstring describes the pure step.

Model: LLaVA = CLIP ViT-L/14-336 (frozen; 1024 wide, 24 layers, 16 heads, 577 tokens/image) +
2-layer GELU projector + a 7B-wide Llama (4096 wide, 11008 MLP, 32 heads, vocab 32000) cut to as
many layers as fit (max 32) next to AdamW state. Randomly initialised directly on the GPU.

Precision: pure bf16 (params, grads and AdamW states all bf16: 8 bytes per trained parameter),
SDPA attention (flash kernel: no padding, causal), gradient checkpointing on the LLM layers.
Sequence: 2048 tokens = BOS + 576 image tokens + 1471 text tokens; loss on the text.

MFU = model FLOPs per step / (step time x peak dense bf16), model FLOPs (no recompute counted):
    6 * N_llm * T + 6 * N_proj * I * 576      LLM matmuls incl. lm_head; projector; fwd+bwd
  + 12 * L * d * S * T                        LLM attention scores/values, fwd+bwd (PaLM style)
  + 2 * N_vision * I * 577 + 4 * L_v * d_v * 577^2 * I   frozen vision tower, forward only
with T = tokens per step, S = 2048, I = images per step; input embeddings are lookups (0 FLOPs).
Peak: 989 TFLOPS for H100 SXM and H200, 756 for H100 PCIe (override with --peak-tflops).

The last stdout line is one JSON object with the figures (also written to ``--out``).
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("PYTORCH_CUDA_ALLOC_CONF", "expandable_segments:True")

import torch

try:
    import visionflan_trainer  # noqa: F401
except ImportError:  # run from a checkout without the packages installed (the GPU machine)
    import importlib.util

    for _name, _folder in (("visionflan_shards", "shards"), ("visionflan_trainer", "trainer")):
        _root = Path(__file__).resolve().parents[1] / _folder
        _spec = importlib.util.spec_from_file_location(
            _name, _root / "__init__.py", submodule_search_locations=[str(_root)]
        )
        assert _spec and _spec.loader
        _mod = importlib.util.module_from_spec(_spec)
        sys.modules[_name] = _mod
        _spec.loader.exec_module(_mod)

from transformers import CLIPVisionConfig, LlamaConfig, LlavaConfig, LlavaForConditionalGeneration
from visionflan_trainer.config import Freeze
from visionflan_trainer.loop import token_loss_sum
from visionflan_trainer.model import (
    apply_freeze,
    decoder_layers,
    enable_gradient_checkpointing,
    tiny_configs,
)

GIB = 1024**3


def peak_tflops(name: str) -> float | None:
    n = name.upper()
    if "H100" in n and "PCIE" in n:
        return 756.0
    if "H100" in n or "H200" in n or "GH200" in n:
        return 989.0
    if "A100" in n:
        return 312.0
    return None


VISION_KEYS = ("hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads",
               "image_size", "patch_size")
TEXT_KEYS = ("hidden_size", "intermediate_size", "num_attention_heads", "num_key_value_heads",
             "vocab_size")


def shapes(smoke: bool) -> dict[str, Any]:
    if smoke:  # the trainer's own tiny model, so the smoke run exercises the shapes the tests use
        tiny = tiny_configs(vocab_size=512, image_token_id=511, pad_token_id=0)
        return dict(
            vision={k: getattr(tiny.vision_config, k) for k in VISION_KEYS},
            text={k: getattr(tiny.text_config, k) for k in TEXT_KEYS},
            seq_len=64,
            max_layers=tiny.text_config.num_hidden_layers,
        )
    return dict(
        vision=dict(
            hidden_size=1024,
            intermediate_size=4096,
            num_hidden_layers=24,
            num_attention_heads=16,
            image_size=336,
            patch_size=14,
            projection_dim=768,
        ),
        text=dict(
            hidden_size=4096,
            intermediate_size=11008,
            num_attention_heads=32,
            num_key_value_heads=32,
            vocab_size=32000,
        ),
        seq_len=2048,
        max_layers=32,
    )


def choose_layers(
    t: dict[str, int], v: dict[str, int], micro_batch: int, seq_len: int, max_layers: int
) -> int:
    """Layers that fit in free memory: 8 B per trained param + activations/logits reserve."""
    free, _ = torch.cuda.mem_get_info()
    d, f, vocab = t["hidden_size"], t["intermediate_size"], t["vocab_size"]
    per_layer = (4 * d * d + 3 * d * f) * 8  # bf16 param + bf16 grad + 2 bf16 Adam moments
    fixed = 2 * vocab * d * 8 + 400e6 * 2  # embeddings + lm_head trained; vision tower bf16
    tokens = micro_batch * seq_len
    # logits (bf16 + fp32 copy + fp32 grad) + checkpointed layer inputs + one layer's recompute
    reserve = tokens * vocab * 16 + tokens * d * 2 * max_layers + tokens * (f * 6 + d * 20) + 3 * GIB
    return max(1, min(max_layers, int((free - fixed - reserve) // per_layer)))


def model_flops(model: LlavaForConditionalGeneration, layers: int, micro_batch: int, seq_len: int) -> float:
    cfg = model.config
    v, t = cfg.vision_config, cfg.text_config
    llm_params = sum(
        p.numel() for n, p in model.model.language_model.named_parameters() if "embed_tokens" not in n
    )
    llm_params += model.lm_head.weight.numel()
    proj = sum(p.numel() for p in model.model.multi_modal_projector.parameters())
    vision = sum(p.numel() for p in model.model.vision_tower.parameters())
    v_tokens = (v.image_size // v.patch_size) ** 2 + 1
    tokens = micro_batch * seq_len
    # the projector only sees the image tokens
    llm = 6 * llm_params * tokens + 6 * proj * micro_batch * (v_tokens - 1)
    llm += 12 * layers * t.hidden_size * seq_len * tokens
    vis = micro_batch * (2 * vision * v_tokens + 4 * v.num_hidden_layers * v.hidden_size * v_tokens**2)
    return float(llm + vis)


def run(
    args: argparse.Namespace,
    s: dict[str, Any],
    layers: int,
    micro: int,
    device: torch.device,
    dtype: torch.dtype,
    cuda: bool,
) -> tuple[LlavaForConditionalGeneration, float, list[float], float, int, list[torch.nn.Parameter]]:
    """Build the model on the device, run warmup + timed steps; returns (model, s/step, ...)."""
    seq = s["seq_len"]
    t0 = time.perf_counter()
    vision = CLIPVisionConfig(**s["vision"])
    text = LlamaConfig(**s["text"], num_hidden_layers=layers, max_position_embeddings=4096)
    cfg = LlavaConfig(
        vision_config=vision,
        text_config=text,
        image_token_index=s["text"]["vocab_size"] - 1,
        projector_hidden_act="gelu",
        vision_feature_layer=-2,
        vision_feature_select_strategy="default",
    )
    cfg._attn_implementation = "sdpa"
    n_img = (vision.image_size // vision.patch_size) ** 2
    cfg.image_seq_length = n_img
    with torch.device(device):
        model = LlavaForConditionalGeneration._from_config(cfg, dtype=dtype, attn_implementation="sdpa")
    model.config.use_cache = False
    model.config.text_config.use_cache = False
    apply_freeze(model, Freeze(vision_tower=True, projector=False, language_model=False))
    if not args.no_grad_ckpt:
        enable_gradient_checkpointing(model)  # all layers until the first step has measured memory
    model.train()
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=2e-5, weight_decay=0.0, fused=cuda)
    if cuda:
        torch.cuda.synchronize()
    init_s = time.perf_counter() - t0

    g = torch.Generator(device="cpu").manual_seed(0)
    vocab = s["text"]["vocab_size"]
    ids = torch.randint(3, vocab - 2, (micro, seq), generator=g)
    ids[:, 0] = 1
    ids[:, 1 : 1 + n_img] = cfg.image_token_index
    labels = ids.clone()
    labels[:, : 1 + n_img] = -100
    ids, labels = ids.to(device), labels.to(device)
    pixels = torch.randn(micro, 3, vision.image_size, vision.image_size, generator=g).to(device, dtype)
    n_tokens = float((labels[:, 1:] != -100).sum())

    def step() -> float:
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=cuda):
            out = model(input_ids=ids, pixel_values=pixels)  # no mask: full-length causal -> flash SDPA
            loss = token_loss_sum(out.logits, labels) / n_tokens
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        return float(loss.detach())

    step()  # allocates the optimizer state: peak memory is now representative
    checkpointed = 0 if args.no_grad_ckpt else len(decoder_layers(model))
    if not args.no_grad_ckpt and args.checkpoint_layers != "auto":
        checkpointed = enable_gradient_checkpointing(model, int(args.checkpoint_layers))
    elif not args.no_grad_ckpt and cuda:
        d = s["text"]["hidden_size"]
        checkpointed = enable_gradient_checkpointing(model, auto_checkpoint_layers(layers, micro * seq, d))
    for _ in range(args.warmup - 1):
        step()
    if cuda:
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    t1 = time.perf_counter()
    losses = [step() for _ in range(args.steps)]
    if cuda:
        torch.cuda.synchronize()
    dt = (time.perf_counter() - t1) / args.steps

    return model, dt, losses, init_s, n_img, params, checkpointed


def auto_checkpoint_layers(layers: int, tokens: int, hidden: int) -> int:
    """Fewest layers to recompute so the step fits in 90 % of the card (selective recomputation).

    A layer that keeps its activations holds about 34 bytes per token per hidden unit in bf16
    with flash attention (Korthikanti et al. 2022); 41 was measured here on an H200 (32 layers,
    16k tokens: 137.4 GiB peak without recomputation vs 55.7 GiB with it), against the 2 bytes of
    a checkpointed layer's input. The peak of a fully checkpointed step is measured, not estimated.
    """
    _, total = torch.cuda.mem_get_info()
    headroom = 0.9 * total - torch.cuda.max_memory_allocated()
    extra_per_layer = tokens * hidden * (41 - 2)
    keep = max(0, int(headroom // extra_per_layer))
    return max(0, layers - keep)


WORDS = [
    "the", "image", "shows", "a", "person", "dog", "cat", "car", "street", "table", "red", "blue",
    "green", "large", "small", "object", "scene", "what", "is", "in", "on", "of", "how", "many",
    "answer", "question", "select", "option", "which", "describe", "detail", "color", "shape",
    "left", "right", "top", "bottom", "behind", "front", "region", "caption", "category", "label",
    "text", "sign", "building", "tree",
]


def write_records(root: Path, n: int, seed: int = 0) -> Path:
    """``root/llava/train.json`` + JPEGs: Vision-Flan-like single-image records of realistic length."""
    import random

    import numpy as np
    from PIL import Image

    rng = random.Random(seed)
    images = root / "llava" / "images"
    images.mkdir(parents=True)
    for i in range(32):
        w, h = rng.randint(300, 800), rng.randint(300, 800)
        arr = np.random.default_rng(i).integers(0, 255, (h // 8, w // 8, 3), dtype=np.uint8)
        Image.fromarray(arr).resize((w, h)).save(images / f"{i}.jpg", quality=90)
    records = []
    for i in range(n):
        q = " ".join(rng.choices(WORDS, k=rng.randint(40, 160))) + "?"
        a = " ".join(rng.choices(WORDS, k=rng.randint(3, 80))) + "."
        conv = [{"from": "human", "value": "<image>\n" + q}, {"from": "gpt", "value": a}]
        records.append({"id": str(i), "image": f"images/{i % 32}.jpg", "conversations": conv})
    (root / "llava" / "train.json").write_text(json.dumps(records))
    (root / "COMPLETED").write_bytes(b"")
    return root


def bench_tokenizer(smoke: bool) -> Any:
    from visionflan_trainer.tokenizer import SYSTEM_PROMPT, build_tiny_tokenizer, train_bpe_tokenizer

    if smoke:
        return build_tiny_tokenizer()
    import transformers

    texts, total = [SYSTEM_PROMPT, " ".join(WORDS)], 0
    for f in sorted(Path(transformers.__file__).parent.rglob("*.py")):
        texts.append(f.read_text(errors="ignore"))
        total += len(texts[-1])
        if total > 3_000_000:
            break
    return train_bpe_tokenizer(texts, vocab_size=32000)


def trainer_step(
    args: argparse.Namespace, s: dict[str, Any], layers: int, device: torch.device
) -> dict[str, Any]:
    """Time ``visionflan_trainer.loop.train`` itself on generated records (see the docstring)."""
    import statistics
    import tempfile

    from visionflan_trainer.config import load_config
    from visionflan_trainer.loop import train
    from visionflan_trainer.model import LoadedModel, image_seq_length, make_processor
    from visionflan_trainer.run import prepare_data, seed_everything
    from visionflan_trainer.strategy import Strategy

    smoke = args.smoke
    tok = bench_tokenizer(smoke)
    cfg = load_config("stage1-cpu" if smoke else "stage1")
    steps = args.warmup + args.steps
    update: dict[str, Any] = {"max_steps": steps, "epochs": None, "save_every": None, "warmup_ratio": 0.0,
                              "warmup_steps": 0, "report_to": [], "image_processing": "fast"}
    if args.micro_batch:
        update["per_device_batch_size"] = args.micro_batch
        update["global_batch_size"] = args.micro_batch * (args.accumulation or 1)
    elif args.accumulation:
        update["global_batch_size"] = cfg.per_device_batch_size * args.accumulation
    cfg = cfg.model_copy(update=update)
    seed_everything(cfg.seed)
    vocab = -(-len(tok) // 64) * 64
    text_cfg = {**s["text"], "vocab_size": vocab}
    config = LlavaConfig(
        vision_config=CLIPVisionConfig(**s["vision"]),
        text_config=LlamaConfig(
            **text_cfg, num_hidden_layers=layers, max_position_embeddings=4096,
            pad_token_id=tok.pad_token_id, bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
        ),
        image_token_index=tok.convert_tokens_to_ids("<image>"),
        projector_hidden_act="gelu",
        vision_feature_layer=-2,
        vision_feature_select_strategy="default",
    )
    config.image_seq_length = image_seq_length(config)
    t0 = time.perf_counter()
    with torch.device(device):  # the trainer's class and fp32 weights; initialised on the GPU for speed
        model = LlavaForConditionalGeneration(config)
    loaded = LoadedModel(model, make_processor(tok, config.vision_config))
    init_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        n = cfg.global_batch_size * steps
        data = write_records(Path(tmp) / "data", n)
        dataset, _ = prepare_data(cfg, loaded, data)
        strategy = Strategy.from_env("single")
        out = Path(tmp) / "run"
        if device.type == "cuda":
            torch.cuda.reset_peak_memory_stats()
        train(cfg, loaded, dataset, strategy, out, save_final_model=False)
        rows = [json.loads(x) for x in (out / "train_log.jsonl").read_text().splitlines()]
    timed = rows[args.warmup :] or rows
    step_s = statistics.median(r["step_s"] for r in timed)
    tokens = statistics.median(r["tokens_per_s"] * r["step_s"] for r in timed)  # real (unpadded) tokens
    samples = cfg.global_batch_size
    lengths = dataset.lengths.astype("float64")
    mean_len, mean_sq = float(lengths.mean()), float((lengths**2).mean())
    flops = step_flops(model, layers, samples, tokens, mean_sq)
    name = torch.cuda.get_device_name() if device.type == "cuda" else "cpu"
    peak = args.peak_tflops or (peak_tflops(name) if device.type == "cuda" else None)
    achieved = flops / step_s / 1e12
    return {
        "what": "visionflan_trainer.loop.train, shipped "
        + ("stage1-cpu config (smoke)" if smoke else "stage1 config"),
        "device": name,
        "llm_layers": layers,
        "precision": f"fp32 weights + AdamW, {cfg.precision} autocast" if cfg.precision == "bf16" else "fp32",
        "gradient_checkpointing": cfg.gradient_checkpointing,
        "micro_batch": cfg.per_device_batch_size,
        "accumulation": cfg.accumulation_steps(1),
        "global_batch": samples,
        "mean_tokens_per_sample": round(mean_len, 1),
        "image_tokens": loaded.image_seq_length,
        "init_s": round(init_s, 1),
        "step_s": round(step_s, 4),
        "tokens_per_s": round(tokens / step_s, 1),
        "data_wait_frac": round(statistics.median(r["data_wait_frac"] for r in timed), 4),
        "model_tflops_per_step": round(flops / 1e12, 3),
        "achieved_tflops": round(achieved, 2),
        "peak_tflops": peak,
        "mfu": round(achieved / peak, 4) if peak else None,
        "max_mem_gib": round(torch.cuda.max_memory_allocated() / GIB, 2) if device.type == "cuda" else None,
        "loss_first_last": [round(rows[0]["loss"], 4), round(rows[-1]["loss"], 4)],
    }


def step_flops(
    model: LlavaForConditionalGeneration, layers: int, samples: int, tokens: float, mean_sq_len: float
) -> float:
    """The pure step's model-FLOPs formula for variable-length samples (real tokens only)."""
    cfg = model.config
    v, t = cfg.vision_config, cfg.text_config
    llm_params = sum(
        p.numel() for n, p in model.model.language_model.named_parameters() if "embed_tokens" not in n
    ) + model.lm_head.weight.numel()
    proj = sum(p.numel() for p in model.model.multi_modal_projector.parameters())
    vision = sum(p.numel() for p in model.model.vision_tower.parameters())
    v_tokens = (v.image_size // v.patch_size) ** 2 + 1
    llm = 6 * llm_params * tokens + 6 * proj * samples * (v_tokens - 1)
    llm += 12 * layers * t.hidden_size * mean_sq_len * samples  # sum over samples of len^2
    vis = samples * (2 * vision * v_tokens + 4 * v.num_hidden_layers * v.hidden_size * v_tokens**2)
    return float(llm + vis)


def trainer_layers(t: dict[str, int], micro_batch: int, max_layers: int) -> int:
    """Layers that fit at 16 B per trained parameter (fp32 weight, grad, two Adam moments)."""
    free, _ = torch.cuda.mem_get_info()
    d, f, vocab = t["hidden_size"], t["intermediate_size"], t["vocab_size"]
    per_layer = (4 * d * d + 3 * d * f) * 16
    fixed = 2 * vocab * d * 16 + 400e6 * 4
    tokens = micro_batch * 1024
    reserve = tokens * vocab * 14 + tokens * d * 2 * max_layers + tokens * (f * 6 + d * 20) + 4 * GIB
    return max(1, min(max_layers, int((free - fixed - reserve) // per_layer)))


def pure_step(args: argparse.Namespace, s: dict[str, Any], cuda: bool) -> dict[str, Any]:
    device = torch.device("cuda" if cuda else "cpu")
    dtype = torch.bfloat16 if cuda else torch.float32
    micro = args.pure_micro_batch or (2 if args.smoke else 8)
    seq = s["seq_len"]
    layers = args.layers or (
        choose_layers(s["text"], s["vision"], micro, seq, s["max_layers"]) if cuda else s["max_layers"]
    )
    while True:
        try:
            model, dt, losses, init_s, n_img, params, checkpointed = run(
                args, s, layers, micro, device, dtype, cuda
            )
            break
        except torch.cuda.OutOfMemoryError:
            if args.layers or layers <= 4:
                raise
        # outside the except block, so the failed attempt's frames (and tensors) are released
        layers -= 4
        print(f"out of memory; retrying with {layers} layers", file=sys.stderr)
        gc.collect()
        torch.cuda.empty_cache()

    name = torch.cuda.get_device_name() if cuda else "cpu"
    peak = args.peak_tflops or (peak_tflops(name) if cuda else None)
    flops = model_flops(model, layers, micro, seq)
    achieved = flops / dt / 1e12
    result = {
        "what": "hand-written pure-bf16 step, random unpadded sequences",
        "device": name,
        "smoke": args.smoke,
        "llm_layers": layers,
        "micro_batch": micro,
        "seq_len": seq,
        "image_tokens": n_img,
        "grad_ckpt": not args.no_grad_ckpt,
        "checkpointed_layers": checkpointed,
        "precision": "bf16 params/grads/AdamW" if cuda else "fp32",
        "trainable_params": sum(p.numel() for p in params),
        "frozen_vision_params": sum(p.numel() for p in model.model.vision_tower.parameters()),
        "init_s": round(init_s, 1),
        "step_s": round(dt, 4),
        "tokens_per_s": round(micro * seq / dt, 1),
        "model_tflops_per_step": round(flops / 1e12, 3),
        "achieved_tflops": round(achieved, 2),
        "peak_tflops": peak,
        "mfu": round(achieved / peak, 4) if peak else None,
        "max_mem_gib": round(torch.cuda.max_memory_allocated() / GIB, 2) if cuda else None,
        "loss_first_last": [round(losses[0], 4), round(losses[-1], 4)],
    }
    assert all(math.isfinite(x) for x in losses), losses
    del model, params
    gc.collect()
    if cuda:
        torch.cuda.empty_cache()
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description="stage-1 tokens/s and MFU on one GPU")
    ap.add_argument("--smoke", action="store_true", help="tiny shapes on CPU (tests the script)")
    ap.add_argument("--mode", choices=["both", "trainer", "pure"], default="both")
    ap.add_argument("--out", type=Path, default=None, help="also write the JSON result here")
    ap.add_argument("--micro-batch", type=int, default=None, help="trainer: samples per micro-batch (config)")
    ap.add_argument("--accumulation", type=int, default=None, help="trainer: micro-batches per step (config)")
    ap.add_argument("--pure-micro-batch", type=int, default=None, help="pure step: samples (default 8)")
    ap.add_argument("--layers", type=int, default=None, help="LLM layers (default: as many as fit, max 32)")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--no-grad-ckpt", action="store_true", help="pure step only")
    ap.add_argument(
        "--checkpoint-layers", default="auto",
        help="pure step: decoder layers to recompute, a number or 'auto' = the fewest that fit",
    )
    ap.add_argument("--peak-tflops", type=float, default=None)
    args = ap.parse_args()

    cuda = torch.cuda.is_available() and not args.smoke
    if not cuda and not args.smoke:
        sys.exit("no CUDA device: use --smoke for the CPU check")
    if cuda:
        torch.backends.cuda.matmul.allow_tf32 = True
    s = shapes(args.smoke)
    result: dict[str, Any] = {"smoke": args.smoke}
    if args.mode in ("both", "trainer"):
        device = torch.device("cuda" if cuda else "cpu")
        if args.smoke:
            os.environ["VF_TRAIN_DEVICE"] = "cpu"
        micro = args.micro_batch or (4 if args.smoke else 16)
        fit = trainer_layers(s["text"], micro, s["max_layers"]) if cuda else s["max_layers"]
        layers = args.layers or fit
        while True:
            try:
                result["trainer_step"] = trainer_step(args, s, layers, device)
                break
            except torch.cuda.OutOfMemoryError:
                if args.layers or layers <= 4:
                    raise
            layers -= 4
            print(f"trainer step: out of memory; retrying with {layers} layers", file=sys.stderr)
            gc.collect()
            torch.cuda.empty_cache()
        gc.collect()
        if cuda:
            torch.cuda.empty_cache()
        print(json.dumps({"trainer_step": result["trainer_step"]}), file=sys.stderr)
    if args.mode in ("both", "pure"):
        result["pure_step"] = pure_step(args, s, cuda)
    line = json.dumps(result)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(line + "\n")
    print(line)


if __name__ == "__main__":
    main()
