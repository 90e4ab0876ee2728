"""Peak host memory per FSDP rank: every rank loading the full model vs rank 0 load + broadcast.

Two gloo processes on the CPU (torchrun) load a ~400M-parameter LLaVA (a saved checkpoint, read
with ``from_pretrained`` as a real run reads it) and shard it exactly as ``vf-train --strategy
fsdp`` does (``run.load_model_for`` + ``Strategy.wrap``), once with
``VF_TRAIN_FSDP_LOAD=every_rank`` (the old path: each rank reads the whole model, then shards it)
and once with the default (rank 0 reads it, the others build it on the meta device and receive
their shards). Each rank reports its peak resident set size (``ru_maxrss``) after the imports
and after sharding: on a GPU node the training state then lives on the GPUs, so this is the
host-memory peak a launch needs (training on the CPU, as here, would add the optimizer state).

    python benchmarks/bench_fsdp_host_memory.py
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_inputs(root: Path, hidden: int, layers: int) -> tuple[Path, Path]:
    import torch
    from PIL import Image
    from transformers import LlavaForConditionalGeneration
    from visionflan_trainer.model import make_processor, tiny_configs
    from visionflan_trainer.tokenizer import build_tiny_tokenizer

    tok = build_tiny_tokenizer()
    cfg = tiny_configs(len(tok), tok.convert_tokens_to_ids("<image>"), int(tok.pad_token_id))
    text = cfg.text_config
    text.hidden_size, text.intermediate_size, text.num_hidden_layers = hidden, int(hidden * 2.75), layers
    text.num_attention_heads = text.num_key_value_heads = hidden // 64
    torch.manual_seed(0)
    model = LlavaForConditionalGeneration(cfg)
    ckpt = root / "ckpt"
    model.save_pretrained(ckpt)
    make_processor(tok, cfg.vision_config).save_pretrained(ckpt)
    params = sum(p.numel() for p in model.parameters())
    data = root / "data"
    (data / "llava" / "images").mkdir(parents=True)
    records = []
    for i in range(8):
        Image.new("RGB", (40, 24), (30 * i, 80, 200)).save(data / "llava" / "images" / f"{i}.png")
        conv = [{"from": "human", "value": "<image>\nWhat colour?"}, {"from": "gpt", "value": "It is red."}]
        records.append({"id": str(i), "image": f"images/{i}.png", "conversations": conv})
    (data / "llava" / "train.json").write_text(json.dumps(records))
    (data / "COMPLETED").write_bytes(b"")
    print(f"model: {params / 1e6:.1f}M parameters, {params * 4 / 2**20:.0f} MiB in fp32", flush=True)
    return ckpt, data


def _peak_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def worker(ckpt: Path, data: Path, out: Path) -> None:
    import torch
    from visionflan_trainer.config import load_config
    from visionflan_trainer.run import load_model_for
    from visionflan_trainer.strategy import Strategy

    cfg = load_config("stage1-cpu")
    strategy = Strategy.from_env("fsdp")
    imports = _peak_mib()
    loaded = load_model_for(strategy, cfg, str(ckpt))
    wrapped = strategy.wrap(loaded.model)
    sharded = _peak_mib()
    local = sum(p.to_local().numel() for p in wrapped.parameters())  # type: ignore[operator]
    strategy.barrier()
    strategy.close()
    del torch
    out.mkdir(parents=True, exist_ok=True)
    rank = int(os.environ["RANK"])
    (out / f"rss-rank{rank}.json").write_text(json.dumps(
        {"rank": rank, "after_imports_mib": imports, "after_sharding_mib": sharded, "local_params": local}
    ))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hidden", type=int, default=2048)
    ap.add_argument("--layers", type=int, default=8)
    ap.add_argument("--worker", nargs=3, type=Path, metavar=("CKPT", "DATA", "OUT"))
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ckpt, data = make_inputs(Path(tmp), args.hidden, args.layers)
        result["model_fp32_mib"] = round(sum(f.stat().st_size for f in ckpt.glob("*.safetensors")) / 2**20, 1)
        for mode in ("every_rank", "rank0"):
            cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc-per-node", "2",
                   "--master-addr", "127.0.0.1", "--master-port", str(_free_port()),
                   __file__, "--worker", str(ckpt), str(data), str(Path(tmp) / mode)]
            env = {**os.environ, "VF_TRAIN_DEVICE": "cpu", "VF_TRAIN_FSDP_LOAD": mode, "HF_HUB_OFFLINE": "1"}
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
            if proc.returncode:
                sys.exit(f"{mode} failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
            files = sorted((Path(tmp) / mode).glob("rss-rank*.json"))
            ranks = sorted((json.loads(f.read_text()) for f in files), key=lambda r: r["rank"])
            result[mode] = [{k: v for k, v in r.items() if k != "rank"} for r in ranks]
            print(f"{mode:10s} peak RSS per rank (MiB): {result[mode]}", flush=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
