"""Data-pipeline throughput: visionflan_trainer vs a faithful re-implementation of LLaVA's
``LazySupervisedDataset`` + ``preprocess_v1`` + ``DataCollatorForSupervisedDataset``.

Both pipelines process the same generated Vision-Flan-like samples (1-3 rounds, JPEG images of
varied sizes) in one process and one thread (num_workers=0, torch, OpenMP and the tokenizers
library's Rayon pool all pinned to one thread), with the same tokenizer: a 32k byte-level BPE
trained offline on text from installed Python packages, which puts ``<s>`` first as Llama's
does. With it LLaVA's ``preprocess_v1`` round counting is correct (no sample hits its
"tokenization mismatch" path), and the script asserts that both pipelines produce identical
``input_ids`` and ``labels`` for every sample (LLaVA's single ``-200`` image placeholder against
our expanded image span) before timing anything. Ours includes its load-time validation and
batched tokenisation in the timing.

Rows: ``image_processing: exact`` (the headline, like for like: pixel values equal LLaVA's to
float rounding, which is checked and printed), then ``fast`` (reduced-scale JPEG decoding, no
resampling of the padding; its pixel difference is printed too), then text only.

    python benchmarks/bench_data_pipeline.py [--samples 1000] [--quick]
"""

from __future__ import annotations

# ruff: noqa: E402  (the thread pins must precede the torch/tokenizers imports)
import os

# one thread on both sides, set before torch/tokenizers start their pools
for _var in ("RAYON_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"

import argparse
import copy
import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch
from PIL import Image
from transformers import CLIPImageProcessorPil, PreTrainedTokenizerBase
from visionflan_trainer.conversation import ConversationEncoder
from visionflan_trainer.data import Collator, build_dataset
from visionflan_trainer.images import ImageSpec, normalize
from visionflan_trainer.records import load_records
from visionflan_trainer.tokenizer import SYSTEM_PROMPT, train_bpe_tokenizer

IGNORE_INDEX = -100
IMAGE_TOKEN_INDEX = -200
WORDS = [
    "the",
    "image",
    "shows",
    "a",
    "person",
    "dog",
    "cat",
    "car",
    "street",
    "table",
    "red",
    "blue",
    "green",
    "large",
    "small",
    "object",
    "scene",
    "what",
    "is",
    "in",
    "on",
    "of",
    "how",
    "many",
    "answer",
    "question",
    "select",
    "option",
    "which",
    "describe",
    "detail",
    "color",
    "shape",
    "left",
    "right",
    "top",
    "bottom",
    "behind",
    "front",
    "region",
    "caption",
    "category",
    "label",
    "text",
    "sign",
    "building",
    "tree",
]


# ---------------------------------------------------------------- inputs
def realistic_tokenizer(vocab_size: int) -> PreTrainedTokenizerBase:
    """32k byte-level BPE trained on docstrings/source of installed packages (deterministic)."""
    import transformers

    files = sorted(Path(transformers.__file__).parent.rglob("*.py"))
    texts, total = [], 0
    for f in files:
        t = f.read_text(errors="ignore")
        texts.append(t)
        total += len(t)
        if total > 6_000_000:
            break
    return train_bpe_tokenizer([SYSTEM_PROMPT, *texts], vocab_size=vocab_size)


def make_samples(root: Path, n: int, seed: int = 0) -> Path:
    rng = random.Random(seed)
    img_dir = root / "images"
    img_dir.mkdir(parents=True)
    n_images = min(n, 200)  # decoding cost is per sample; files can repeat
    for i in range(n_images):
        w, h = rng.randint(240, 800), rng.randint(240, 800)
        arr = np.random.default_rng(i).integers(0, 255, (h // 8, w // 8, 3), dtype=np.uint8)
        Image.fromarray(arr).resize((w, h), Image.Resampling.BILINEAR).save(img_dir / f"{i}.jpg", quality=90)
    records = []
    for i in range(n):
        conv = []
        for r in range(rng.randint(1, 3)):
            q = " ".join(rng.choices(WORDS, k=rng.randint(20, 90))) + "?"
            conv.append({"from": "human", "value": ("<image>\n" if r == 0 else "") + q})
            conv.append({"from": "gpt", "value": " ".join(rng.choices(WORDS, k=rng.randint(3, 60))) + "."})
        records.append({"id": str(i), "image": f"images/{i % n_images}.jpg", "conversations": conv})
    path = root / "data.json"
    path.write_text(json.dumps(records))
    return path


# ---------------------------------------------------------------- LLaVA reference
class ConvVicunaV1:
    """llava/conversation.py ``conv_vicuna_v1`` (SeparatorStyle.TWO)."""

    system = SYSTEM_PROMPT
    roles = ("USER", "ASSISTANT")
    sep, sep2 = " ", "</s>"

    def __init__(self) -> None:
        self.messages: list[list[Any]] = []

    def append_message(self, role: str, message: str | None) -> None:
        self.messages.append([role, message])

    def get_prompt(self) -> str:
        seps = [self.sep, self.sep2]
        ret = self.system + seps[0]
        for i, (role, message) in enumerate(self.messages):
            if message:
                ret += role + ": " + message + seps[i % 2]
            else:
                ret += role + ":"
        return ret


def tokenizer_image_token(prompt: str, tokenizer: Any, return_tensors: str | None = None) -> Any:
    prompt_chunks = [tokenizer(chunk).input_ids for chunk in prompt.split("<image>")]

    def insert_separator(x: list[Any], sep: list[int]) -> list[Any]:
        return [ele for sublist in zip(x, [sep] * len(x), strict=True) for ele in sublist][:-1]

    input_ids: list[int] = []
    offset = 0
    if prompt_chunks and prompt_chunks[0] and prompt_chunks[0][0] == tokenizer.bos_token_id:
        offset = 1
        input_ids.append(prompt_chunks[0][0])
    for x in insert_separator(prompt_chunks, [IMAGE_TOKEN_INDEX] * (offset + 1)):
        input_ids.extend(x[offset:])
    if return_tensors == "pt":
        return torch.tensor(input_ids, dtype=torch.long)
    return input_ids


def preprocess_multimodal(sources: list[list[dict[str, str]]]) -> list[list[dict[str, str]]]:
    for source in sources:
        for sentence in source:
            if "<image>" in sentence["value"]:
                sentence["value"] = sentence["value"].replace("<image>", "").strip()
                sentence["value"] = ("<image>" + "\n" + sentence["value"]).strip()
    return sources


def preprocess_v1(sources: Any, tokenizer: Any, has_image: bool) -> dict[str, torch.Tensor]:
    conv = ConvVicunaV1()
    roles = {"human": conv.roles[0], "gpt": conv.roles[1]}
    conversations = []
    for source in sources:
        if roles[source[0]["from"]] != conv.roles[0]:
            source = source[1:]
        conv.messages = []
        for sentence in source:
            conv.append_message(roles[sentence["from"]], sentence["value"])
        conversations.append(conv.get_prompt())
    if has_image:
        input_ids = torch.stack(
            [tokenizer_image_token(p, tokenizer, return_tensors="pt") for p in conversations]
        )
    else:
        input_ids = tokenizer(conversations, return_tensors="pt", padding="longest").input_ids
    targets = input_ids.clone()
    sep = conv.sep + conv.roles[1] + ": "
    for conversation, target in zip(conversations, targets, strict=True):
        total_len = int(target.ne(tokenizer.pad_token_id).sum())
        rounds = conversation.split(conv.sep2)
        cur_len = 1
        target[:cur_len] = IGNORE_INDEX
        for rou in rounds:
            if rou == "":
                break
            parts = rou.split(sep)
            if len(parts) != 2:
                break
            parts[0] += sep
            if has_image:
                round_len = len(tokenizer_image_token(rou, tokenizer))
                instruction_len = len(tokenizer_image_token(parts[0], tokenizer)) - 2
            else:
                round_len = len(tokenizer(rou).input_ids)
                instruction_len = len(tokenizer(parts[0]).input_ids) - 2
            target[cur_len : cur_len + instruction_len] = IGNORE_INDEX
            cur_len += round_len
        target[cur_len:] = IGNORE_INDEX
        if cur_len != total_len:  # LLaVA masks the whole sample on a tokenization mismatch
            target[:] = IGNORE_INDEX
    return {"input_ids": input_ids, "labels": targets}


def expand2square(pil_img: Image.Image, background_color: tuple[int, ...]) -> Image.Image:
    width, height = pil_img.size
    if width == height:
        return pil_img
    if width > height:
        result = Image.new(pil_img.mode, (width, width), background_color)
        result.paste(pil_img, (0, (width - height) // 2))
        return result
    result = Image.new(pil_img.mode, (height, height), background_color)
    result.paste(pil_img, ((height - width) // 2, 0))
    return result


class LazySupervisedDataset(torch.utils.data.Dataset[dict[str, torch.Tensor]]):
    def __init__(self, data_path: Path, tokenizer: Any, processor: Any) -> None:
        self.list_data_dict = json.loads(data_path.read_text())
        self.image_folder = data_path.parent
        self.tokenizer, self.processor = tokenizer, processor

    def __len__(self) -> int:
        return len(self.list_data_dict)

    def __getitem__(self, i: int) -> dict[str, torch.Tensor]:
        sources = self.list_data_dict[i]
        processor = self.processor
        image = Image.open(self.image_folder / sources["image"]).convert("RGB")
        image = expand2square(image, tuple(int(x * 255) for x in processor.image_mean))
        image = processor.preprocess(image, return_tensors="pt")["pixel_values"][0]
        convs = preprocess_multimodal(copy.deepcopy([sources["conversations"]]))
        data_dict = preprocess_v1(convs, self.tokenizer, has_image=True)
        return {"input_ids": data_dict["input_ids"][0], "labels": data_dict["labels"][0], "image": image}


class DataCollatorForSupervisedDataset:
    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, instances: list[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
        input_ids = [x["input_ids"] for x in instances]
        labels = [x["labels"] for x in instances]
        input_ids_t = torch.nn.utils.rnn.pad_sequence(
            input_ids, batch_first=True, padding_value=self.tokenizer.pad_token_id
        )
        labels_t = torch.nn.utils.rnn.pad_sequence(labels, batch_first=True, padding_value=IGNORE_INDEX)
        batch = {
            "input_ids": input_ids_t,
            "labels": labels_t,
            "attention_mask": input_ids_t.ne(self.tokenizer.pad_token_id),
            "images": torch.stack([x["image"] for x in instances]),
        }
        return batch


# ---------------------------------------------------------------- timing
def run_llava(data: Path, tokenizer: Any, processor: Any, batch: int) -> tuple[float, int]:
    t0 = time.perf_counter()
    ds = LazySupervisedDataset(data, tokenizer, processor)
    loader = torch.utils.data.DataLoader(
        ds, batch_size=batch, collate_fn=DataCollatorForSupervisedDataset(tokenizer)
    )
    n = sum(b["input_ids"].shape[0] for b in loader)
    return time.perf_counter() - t0, n


def our_dataset(
    data: Path, tokenizer: Any, processor: Any, image_seq_length: int, processing: str, images: bool = True
) -> Any:
    records, report = load_records(data, "vicuna_v1", check_images=images, image_check_threads=1)
    encoder = ConversationEncoder(tokenizer, tokenizer.convert_tokens_to_ids("<image>"), image_seq_length)
    spec = ImageSpec.from_processor(processor, "pad", processing)  # type: ignore[arg-type]
    return build_dataset(records, encoder, "vicuna_v1", 8192, spec, report)


def run_ours(
    data: Path, tokenizer: Any, processor: Any, batch: int, image_seq_length: int, processing: str
) -> tuple[float, int]:
    t0 = time.perf_counter()
    ds = our_dataset(data, tokenizer, processor, image_seq_length, processing)
    loader = torch.utils.data.DataLoader(
        ds, batch_size=batch, collate_fn=Collator(int(tokenizer.pad_token_id))
    )
    n = 0
    for b in loader:  # the trainer normalises on the GPU; counted here on the CPU to be conservative
        normalize(b["pixel_values"], ds.spec)
        n += b["num_samples"]
    return time.perf_counter() - t0, n


def run_llava_text(data: Path, tokenizer: Any) -> tuple[float, int]:
    """Tokenise + mask only (no images): LLaVA's per-item preprocess_v1."""
    t0 = time.perf_counter()
    items = json.loads(data.read_text())
    for item in items:
        preprocess_v1(preprocess_multimodal(copy.deepcopy([item["conversations"]])), tokenizer, True)
    return time.perf_counter() - t0, len(items)


def run_ours_text(data: Path, tokenizer: Any, processor: Any, image_seq_length: int) -> tuple[float, int]:
    t0 = time.perf_counter()
    ds = our_dataset(data, tokenizer, processor, image_seq_length, "exact", images=False)
    return time.perf_counter() - t0, len(ds)


def _collapse(ids: np.ndarray, labels: np.ndarray, image_id: int) -> tuple[list[int], list[int]]:
    """Our expanded image span -> LLaVA's single IMAGE_TOKEN_INDEX placeholder (label ignored)."""
    keep = np.ones(len(ids), bool)
    is_image = ids == image_id
    keep[1:] &= ~(is_image[1:] & is_image[:-1])  # first token of each span stays
    out_ids = np.where(is_image, IMAGE_TOKEN_INDEX, ids)[keep]
    return out_ids.tolist(), labels[keep].tolist()


def verify(data: Path, tokenizer: Any, processor: Any, image_seq_length: int) -> dict[str, Any]:
    """Both pipelines, every sample: identical input_ids and labels; pixel differences measured."""
    llava = LazySupervisedDataset(data, tokenizer, processor)
    image_id = tokenizer.convert_tokens_to_ids("<image>")
    exact = our_dataset(data, tokenizer, processor, image_seq_length, "exact")
    fast = our_dataset(data, tokenizer, processor, image_seq_length, "fast")
    assert len(exact) == len(llava), (len(exact), len(llava))
    index = {str(item["id"]): i for i, item in enumerate(llava.list_data_dict)}
    diff = {"exact": 0.0, "fast": 0.0}
    fast_mean = 0.0
    fully_masked = 0
    for j in range(len(exact)):
        ours = exact[j]
        ref = llava[index[ours["id"]]]
        ids, labels = _collapse(ours["input_ids"].numpy(), ours["labels"].numpy(), image_id)
        assert ids == ref["input_ids"].tolist(), f"input_ids differ for sample {ours['id']}"
        assert labels == ref["labels"].tolist(), f"labels differ for sample {ours['id']}"
        fully_masked += int((ref["labels"] == IGNORE_INDEX).all())
        for name, ds in (("exact", exact), ("fast", fast)):
            pixels = normalize(ds[j]["pixel_values"][0], ds.spec)
            delta = (pixels - ref["image"]).abs()
            diff[name] = max(diff[name], float(delta.max()))
            if name == "fast":
                fast_mean += float(delta.mean()) / len(exact)
    assert fully_masked == 0, f"{fully_masked} samples fully masked by LLaVA's mismatch path"
    return {
        "identical_samples": len(exact),
        "max_abs_pixel_diff_exact": diff["exact"],
        "max_abs_pixel_diff_fast": diff["fast"],
        "mean_abs_pixel_diff_fast": fast_mean,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--vocab", type=int, default=32000)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="tiny run for CI smoke tests")
    args = ap.parse_args()
    if args.quick:
        args.samples, args.vocab, args.repeats = 64, 2000, 1
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    t = time.perf_counter()
    tokenizer = realistic_tokenizer(args.vocab)
    assert tokenizer("x")["input_ids"][0] == tokenizer.bos_token_id, "the reference needs <s> first"
    took = time.perf_counter() - t
    print(f"tokenizer: byte-level BPE with <s>, vocab {len(tokenizer)}, trained in {took:.1f}s")
    processor = CLIPImageProcessorPil(size={"shortest_edge": 336}, crop_size={"height": 336, "width": 336})
    with tempfile.TemporaryDirectory() as tmp:
        data = make_samples(Path(tmp), args.samples)
        check = verify(data, tokenizer, processor, 576)
        print(
            f"identical input_ids and labels on all {check['identical_samples']} samples; max |pixel "
            f"difference| vs LLaVA (normalised units): exact {check['max_abs_pixel_diff_exact']:.2e}, "
            f"fast {check['max_abs_pixel_diff_fast']:.3f} (mean {check['mean_abs_pixel_diff_fast']:.4f})"
        )
        best: dict[str, float] = {}
        for _ in range(args.repeats):
            for name, fn in (
                ("llava", lambda: run_llava(data, tokenizer, processor, args.batch)),
                ("ours_exact", lambda: run_ours(data, tokenizer, processor, args.batch, 576, "exact")),
                ("ours_fast", lambda: run_ours(data, tokenizer, processor, args.batch, 576, "fast")),
                ("llava_text", lambda: run_llava_text(data, tokenizer)),
                ("ours_text", lambda: run_ours_text(data, tokenizer, processor, 576)),
            ):
                dt, n = fn()
                assert n == args.samples, (name, n)
                best[name] = max(best.get(name, 0.0), n / dt)
    ratio = best["ours_exact"] / best["llava"]
    fast_ratio = best["ours_fast"] / best["llava"]
    text_ratio = best["ours_text"] / best["llava_text"]
    llava = best["llava"]
    print(f"exact (like for like) llava {llava:8.1f}/s  ours {best['ours_exact']:8.1f}/s  ratio {ratio:.2f}x")
    fast = best["ours_fast"]
    print(f"fast                  llava {llava:8.1f}/s  ours {fast:8.1f}/s  ratio {fast_ratio:.2f}x")
    print(
        f"text only             llava {best['llava_text']:8.1f}/s  ours {best['ours_text']:8.1f}/s  "
        f"ratio {text_ratio:.2f}x"
    )
    print(
        json.dumps(
            {
                "samples": args.samples,
                "threads": 1,
                **check,
                "llava_samples_per_s": round(best["llava"], 1),
                "ours_samples_per_s": round(best["ours_exact"], 1),
                "ratio": round(ratio, 2),
                "fast_ours_samples_per_s": round(best["ours_fast"], 1),
                "fast_ratio": round(fast_ratio, 2),
                "text_llava_samples_per_s": round(best["llava_text"], 1),
                "text_ours_samples_per_s": round(best["ours_text"], 1),
                "text_ratio": round(text_ratio, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
