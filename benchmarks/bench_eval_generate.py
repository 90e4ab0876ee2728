"""Samples/s of ``vf-eval generate`` (batched, left padding, greedy, KV cache) vs per-sample generate.

Both sides run in this process on the same model and the same prompts:

* ``baseline``: the plain loop a script would write: for each sample, the processor's chat template,
  ``processor(images=[image], text=prompt)`` and ``model.generate(..., do_sample=False)``.
* ``generate@B``: ``visionflan_eval.generate.run`` itself (the code ``vf-eval generate`` runs:
  batches of B prompts, one ``generate`` call per batch, rows appended to ``predictions.jsonl``)
  at batch 1 and at each larger batch size; the best is reported.

Before any figure is reported, batch 1 must give exactly the baseline's predictions. Larger batches
are compared too: in float32 they must match exactly; in bfloat16 left padding changes the
rounding of every matmul, and a random model's near-tied logits then flip some greedy choices, so
the agreement is reported instead (``agreement``, the fraction of identical predictions).

Models (random weights, built from configs, no hub):

* ``--model tiny``: CLIP 2x32 + Llama 2x64 and the tiny offline tokenizer (CPU smoke test).
* ``--model llava-7b``: CLIP ViT-L/14-336 (576 image tokens) + a Llama-7B-shaped LLM (4096 wide,
  32 layers, 32 heads, 11008 MLP) + 2-layer GELU projector; a byte-level BPE tokenizer (up to
  32,000 tokens) trained here on transformers' own source files. bfloat16 on the GPU.

Prompts: Vision-Flan-like instructions (30-110 words) with one generated image each (sizes vary);
32 new tokens each (random weights rarely emit end-of-sequence, so both sides generate all 32).

    python3 benchmarks/bench_eval_generate.py --model llava-7b --out OUT/bench_eval_generate.json  # H200
    python3 benchmarks/bench_eval_generate.py --model tiny --out bench.json                         # CPU

The last stdout line is the JSON written to ``--out``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import random
import sys
import tempfile
import time
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _import_from_checkout() -> None:
    """Use the checkout's packages when they are not installed (the GPU machine): only the modules
    this script needs, none of which imports pydantic or the task registry."""
    for name, folder in (("visionflan_shards", "shards"), ("visionflan_trainer", "trainer"),
                         ("visionflan_eval", "evaluation")):
        if importlib.util.find_spec(name) is not None:
            continue
        package = types.ModuleType(name)
        package.__path__ = [str(ROOT / folder)]
        sys.modules[name] = package
        if name == "visionflan_shards":  # its __init__ is the record rule (standard library only)
            spec = importlib.util.spec_from_file_location(name, ROOT / folder / "__init__.py",
                                                          submodule_search_locations=[str(ROOT / folder)])
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)


_import_from_checkout()

import torch  # noqa: E402
from PIL import Image  # noqa: E402
from transformers import (  # noqa: E402
    CLIPVisionConfig,
    LlamaConfig,
    LlavaConfig,
    LlavaForConditionalGeneration,
    LlavaProcessor,
)
from visionflan_eval.generate import PREDICTIONS, Generator, run  # noqa: E402
from visionflan_trainer.conversation import chat_template  # noqa: E402
from visionflan_trainer.tokenizer import SYSTEM_PROMPT, build_tiny_tokenizer, train_bpe_tokenizer  # noqa: E402

SHAPES: dict[str, dict[str, Any]] = {
    "tiny": {
        "vision": {"hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2,
                   "num_attention_heads": 2, "image_size": 32, "patch_size": 8, "projection_dim": 32},
        "text": {"hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
                 "num_attention_heads": 4, "num_key_value_heads": 4},
    },
    "llava-7b": {
        "vision": {"hidden_size": 1024, "intermediate_size": 4096, "num_hidden_layers": 24,
                   "num_attention_heads": 16, "image_size": 336, "patch_size": 14, "projection_dim": 768},
        "text": {"hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 32,
                 "num_attention_heads": 32, "num_key_value_heads": 32},
    },
}
WORDS = [
    "image", "picture", "photo", "object", "scene", "person", "animal", "vehicle", "colour", "shape",
    "left", "right", "top", "bottom", "what", "which", "how", "many", "where", "is", "are", "the", "a",
    "of", "in", "on", "and", "or", "question", "answer", "option", "choose", "describe", "caption",
    "classify", "identify", "category", "kind", "type", "the", "following", "given", "carefully",
]


@dataclass(frozen=True)
class Sample:
    """A prompt and its image; ``row`` as ``predictions.jsonl`` holds it."""

    id: str
    prompt: str
    images: tuple[Path, ...]

    def row(self, prediction: str) -> dict[str, Any]:
        return {"id": self.id, "prompt": self.prompt, "prediction": prediction}


def samples(folder: Path, n: int, seed: int = 0) -> list[Sample]:
    """Vision-Flan-like prompts (instruction + question, 30-110 words), one image each, seeded."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        size = (rng.randint(200, 640), rng.randint(200, 640))
        image = Image.new("RGB", size, tuple(rng.randrange(256) for _ in range(3)))
        path = folder / f"{i}.jpg"
        image.save(path, quality=90)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 110)))
        prompt = f"<image>\n{text.capitalize()}?" if i % 2 else f"{text.capitalize()}?\n<image>"
        out.append(Sample(f"s{i}", prompt, (path,)))
    return out


def tokenizer(model: str) -> Any:
    if model == "tiny":
        return build_tiny_tokenizer()
    import transformers

    texts, total = [SYSTEM_PROMPT, " ".join(WORDS)], 0
    for f in sorted(Path(transformers.__file__).parent.rglob("*.py")):
        texts.append(f.read_text(errors="ignore"))
        total += len(texts[-1])
        if total > 10_000_000:
            break
    return train_bpe_tokenizer(texts, vocab_size=32000)


def image_processor(size: int) -> Any:
    try:
        from transformers import LlavaImageProcessorPil as Processor
    except ImportError:  # older transformers 5
        from transformers import LlavaImageProcessor as Processor
    return Processor(do_pad=True, size={"shortest_edge": size}, crop_size={"height": size, "width": size})


def build(model: str, device: torch.device, dtype: torch.dtype, max_new_tokens: int) -> Generator:
    """A random LLaVA of ``model``'s shapes with a processor like the one vf-train saves."""
    shapes, tok = SHAPES[model], tokenizer(model)
    vision = CLIPVisionConfig(**shapes["vision"])
    config = LlavaConfig(
        vision_config=vision,
        text_config=LlamaConfig(**shapes["text"], vocab_size=len(tok), max_position_embeddings=4096,
                                pad_token_id=tok.pad_token_id, bos_token_id=tok.bos_token_id,
                                eos_token_id=tok.eos_token_id),
        image_token_index=tok.convert_tokens_to_ids("<image>"),
        projector_hidden_act="gelu", vision_feature_layer=-2, vision_feature_select_strategy="default",
    )
    config.image_seq_length = (vision.image_size // vision.patch_size) ** 2
    torch.manual_seed(0)
    previous = torch.get_default_dtype()
    torch.set_default_dtype(dtype)
    try:
        with device:
            llava = LlavaForConditionalGeneration(config)
    finally:
        torch.set_default_dtype(previous)
    gc = llava.generation_config
    gc.pad_token_id, gc.eos_token_id, gc.bos_token_id = tok.pad_token_id, tok.eos_token_id, tok.bos_token_id
    tok.padding_side = "left"
    processor = LlavaProcessor(image_processor=image_processor(vision.image_size), tokenizer=tok,
                               patch_size=vision.patch_size, vision_feature_select_strategy="default",
                               num_additional_image_tokens=1, chat_template=chat_template("vicuna_v1"))
    return Generator(llava.eval(), processor, max_new_tokens)


def baseline(gen: Generator, items: list[Sample]) -> list[str]:
    """Per-sample ``model.generate``, as a plain evaluation script calls it."""
    processor, model, answers = gen.processor, gen.model, []
    for item in items:
        text = processor.apply_chat_template([{"role": "user", "content": item.prompt}],
                                             add_generation_prompt=True)
        with Image.open(item.images[0]) as image:
            inputs = processor(images=[image.convert("RGB")], text=[text], return_tensors="pt")
        inputs = inputs.to(model.device)
        inputs["pixel_values"] = inputs["pixel_values"].to(model.dtype)
        with torch.inference_mode():
            out = model.generate(**inputs, max_new_tokens=gen.max_new_tokens, do_sample=False)
        new = out[0, inputs["input_ids"].shape[1]:]
        answers.append(processor.decode(new, skip_special_tokens=True).strip())
    return answers


def ours(gen: Generator, items: list[Sample], batch_size: int, folder: Path) -> list[str]:
    """``visionflan_eval.generate.run``: what ``vf-eval generate`` does after planning."""
    out = Path(tempfile.mkdtemp(dir=folder))
    run(items, out, gen, batch_size, progress=False)
    return [json.loads(line)["prediction"] for line in (out / PREDICTIONS).read_text().splitlines()]


def timed(step: Any, device: torch.device) -> tuple[Any, float]:
    if device.type == "cuda":
        torch.cuda.synchronize()
    start = time.perf_counter()
    result = step()
    if device.type == "cuda":
        torch.cuda.synchronize()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=sorted(SHAPES), default="llava-7b")
    parser.add_argument("--samples", type=int, default=None, help="default: 48 (llava-7b), 16 (tiny)")
    parser.add_argument("--batch-sizes", default=None,
                        help="comma-separated; default 1,4,16,48 (llava-7b), 1,2,4,8 (tiny)")
    parser.add_argument("--max-new-tokens", type=int, default=32)
    parser.add_argument("--dtype", choices=["float32", "bfloat16"], default=None,
                        help="default: bfloat16 on a GPU, float32 on CPU")
    parser.add_argument("--device", default=None)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    device = torch.device(args.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    dtype = getattr(torch, args.dtype or ("bfloat16" if device.type == "cuda" else "float32"))
    tiny = args.model == "tiny"
    n = args.samples or (16 if tiny else 48)
    sizes = [int(b) for b in (args.batch_sizes or ("1,2,4,8" if tiny else "1,4,16,48")).split(",")]
    if device.type == "cpu":
        torch.set_num_threads(max(1, torch.get_num_threads()))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        items = samples(folder, n)
        (gen, build_s) = timed(lambda: build(args.model, device, dtype, args.max_new_tokens), device)
        baseline(gen, items[:2])  # warm-up: kernels, allocator
        ours(gen, items[:2], 2, folder)
        expected, base_s = timed(lambda: baseline(gen, items), device)
        results: dict[int, dict[str, Any]] = {}
        for size in sizes:
            got, seconds = timed(lambda size=size: ours(gen, items, size, folder), device)
            agreement = sum(a == b for a, b in zip(got, expected, strict=True)) / n
            if size == 1 or dtype == torch.float32:
                assert got == expected, f"batch {size}: predictions differ from per-sample model.generate"
            results[size] = {"seconds": round(seconds, 3), "samples_per_s": round(n / seconds, 3),
                             "agreement": agreement}
    best = max(results, key=lambda b: results[b]["samples_per_s"])
    base_rate = n / base_s
    report = {
        "model": args.model, "device": str(torch.cuda.get_device_name(device) if device.type == "cuda"
                                             else "cpu"),
        "dtype": str(dtype).removeprefix("torch."), "samples": n, "max_new_tokens": args.max_new_tokens,
        "parameters": sum(p.numel() for p in gen.model.parameters()), "build_s": round(build_s, 1),
        "image_tokens": int(gen.model.config.image_seq_length), "vocab": len(gen.processor.tokenizer),
        "baseline_per_sample_generate": {"seconds": round(base_s, 3), "samples_per_s": round(base_rate, 3)},
        "generate": {str(b): r for b, r in results.items()},
        "batch1_vs_baseline": round(results[sizes[0]]["samples_per_s"] / base_rate, 3),
        "best_batch_size": best,
        "best_vs_baseline": round(results[best]["samples_per_s"] / base_rate, 3),
        "torch": torch.__version__,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"baseline per-sample model.generate: {base_rate:.2f} samples/s", file=sys.stderr)
    for b, r in results.items():
        print(f"generate batch {b}: {r['samples_per_s']:.2f} samples/s "
              f"({r['samples_per_s'] / base_rate:.2f}x), agreement {r['agreement']:.2f}", file=sys.stderr)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
