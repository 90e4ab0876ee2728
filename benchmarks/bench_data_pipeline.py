"""Data-pipeline throughput: visionflan_trainer vs a faithful re-implementation of LLaVA's
``LazySupervisedDataset`` + ``preprocess_v1`` + ``DataCollatorForSupervisedDataset``.

Both pipelines process the same generated Vision-Flan-like samples (1-3 rounds, JPEG images of
varied sizes) in one process (num_workers=0, so the figure is CPU cost per sample; DataLoader
workers scale both alike), with the same tokenizer: a 32k byte-level BPE trained offline on text
from installed Python packages (LLaVA itself uses the *slow* Llama tokenizer, which would only
widen the gap). Ours includes its load-time batched tokenisation in the timing.

    python benchmarks/bench_data_pipeline.py [--samples 1000] [--quick]
"""

from __future__ import annotations

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
from transformers import CLIPImageProcessor, PreTrainedTokenizerBase
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


def run_ours(
    data: Path, tokenizer: Any, processor: Any, batch: int, image_seq_length: int
) -> tuple[float, int]:
    t0 = time.perf_counter()
    records, report = load_records(data, "vicuna_v1", check_images=True)
    encoder = ConversationEncoder(tokenizer, tokenizer.convert_tokens_to_ids("<image>"), image_seq_length)
    ds = build_dataset(
        records, encoder, "vicuna_v1", 8192, ImageSpec.from_processor(processor, "pad"), report
    )
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
    records, report = load_records(data, "vicuna_v1", check_images=False)
    encoder = ConversationEncoder(tokenizer, tokenizer.convert_tokens_to_ids("<image>"), image_seq_length)
    ds = build_dataset(
        records, encoder, "vicuna_v1", 8192, ImageSpec.from_processor(processor, "pad"), report
    )
    return time.perf_counter() - t0, len(ds)


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
    t = time.perf_counter()
    tokenizer = realistic_tokenizer(args.vocab)
    print(f"tokenizer: byte-level BPE, vocab {len(tokenizer)}, trained in {time.perf_counter() - t:.1f}s")
    processor = CLIPImageProcessor(size={"shortest_edge": 336}, crop_size={"height": 336, "width": 336})
    with tempfile.TemporaryDirectory() as tmp:
        data = make_samples(Path(tmp), args.samples)
        best: dict[str, float] = {}
        for _ in range(args.repeats):
            for name, fn in (
                ("llava", lambda: run_llava(data, tokenizer, processor, args.batch)),
                ("ours", lambda: run_ours(data, tokenizer, processor, args.batch, 576)),
                ("llava_text", lambda: run_llava_text(data, tokenizer)),
                ("ours_text", lambda: run_ours_text(data, tokenizer, processor, 576)),
            ):
                dt, n = fn()
                assert n == args.samples, (name, n)
                best[name] = max(best.get(name, 0.0), n / dt)
    ratio = best["ours"] / best["llava"]
    text_ratio = best["ours_text"] / best["llava_text"]
    print(f"full pipeline  llava {best['llava']:8.1f}/s  ours {best['ours']:8.1f}/s  ratio {ratio:.2f}x")
    print(
        f"text only      llava {best['llava_text']:8.1f}/s  ours {best['ours_text']:8.1f}/s  "
        f"ratio {text_ratio:.2f}x"
    )
    print(
        json.dumps(
            {
                "samples": args.samples,
                "llava_samples_per_s": round(best["llava"], 1),
                "ours_samples_per_s": round(best["ours"], 1),
                "ratio": round(ratio, 2),
                "text_llava_samples_per_s": round(best["llava_text"], 1),
                "text_ours_samples_per_s": round(best["ours_text"], 1),
                "text_ratio": round(text_ratio, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
