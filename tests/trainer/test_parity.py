"""What ``RUN/final`` gives at inference equals what training fed the model.

For both conversation templates and both tokenizer families (byte-level BPE, and a
SentencePiece-style Llama tokenizer with ``legacy=False``): the saved processor's
``apply_chat_template`` + ``__call__`` produce the training sample's input_ids, attention mask
and pixel values, and the generation prompt is the training sample up to its first answer token.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from conftest import build_sentencepiece_tokenizer, save_tiny_checkpoint, write_colour_dataset
from PIL import Image
from transformers import AutoTokenizer, LlavaForConditionalGeneration, LlavaProcessor
from visionflan_trainer.config import load_config
from visionflan_trainer.conversation import (
    IGNORE_INDEX,
    ConversationEncoder,
    build_segments,
    chat_template,
    to_messages,
)
from visionflan_trainer.data import Collator
from visionflan_trainer.images import normalize
from visionflan_trainer.model import build_tiny
from visionflan_trainer.records import load_records
from visionflan_trainer.run import load_stage_model, prepare_data, run_stage

MULTI_TURN = [
    ("What colour is the square?\n<image>", "It is red."),
    ("Is it red?", "Yes."),
    ("Is it blue?", "No."),
]


def _tokenizer(kind: str) -> Any:
    return build_tiny(0).tokenizer if kind == "bytelevel" else build_sentencepiece_tokenizer()


def _extra_records() -> list[dict[str, Any]]:
    """Multi-turn records (the per-turn/whole-string difference shows from the second turn)."""
    out = []
    for i in range(6):
        turns = MULTI_TURN[: 1 + i % 3]
        conv = [x for q, a in turns for x in ({"from": "human", "value": q}, {"from": "gpt", "value": a})]
        out.append({"id": f"m{i}", "image": f"images/{i}.png", "conversations": conv})
    return out


def _content(text: str) -> list[dict[str, str]]:
    parts: list[dict[str, str]] = []
    for j, piece in enumerate(text.split("<image>")):
        if j:
            parts.append({"type": "image"})
        if piece:
            parts.append({"type": "text", "text": piece})
    return parts


def _messages(conversations: list[dict[str, str]]) -> list[dict[str, Any]]:
    msgs = to_messages([(t["from"], t["value"]) for t in conversations])
    return [{"role": m["role"], "content": _content(m["content"])} for m in msgs]


@pytest.mark.parametrize("kind", ["bytelevel", "sentencepiece"])
@pytest.mark.parametrize("template", ["vicuna_v1", "plain"])
def test_whole_string_encoding_equals_inference_tokenisation(kind: str, template: str) -> None:
    """The training encoder's ids are the tokenizer's ids for the chat-template string."""
    tok = _tokenizer(kind)
    image_id, span = tok.convert_tokens_to_ids("<image>"), 5
    encoder = ConversationEncoder(tok, image_id, span)
    convs = [[("human", "<image>\n" + q), ("gpt", a)] for q, a in MULTI_TURN]
    if template == "vicuna_v1":
        convs.append([(r, t) for q, a in MULTI_TURN for r, t in (("human", q), ("gpt", a))])
        convs[-1][0] = ("human", "<image>\n" + MULTI_TURN[0][0].replace("\n<image>", ""))
    for turns in convs:
        enc = encoder.encode(build_segments(turns, template))  # type: ignore[arg-type]
        text = tok.apply_chat_template(
            to_messages(turns), chat_template=chat_template(template), tokenize=False  # type: ignore[arg-type]
        )
        ids = tok(text.replace("<image>", "<image>" * span))["input_ids"]
        assert enc.input_ids.tolist() == ids, (kind, template, text)
        supervised = [t for t, lab in zip(enc.input_ids, enc.labels, strict=True) if lab != IGNORE_INDEX]
        answers = "".join(t for r, t in turns if r == "gpt")
        decoded = tok.decode(supervised).replace("</s>", "").replace(" ", "").replace("\n", "")
        assert decoded == answers.replace(" ", ""), decoded


@pytest.mark.parametrize("kind", ["bytelevel", "sentencepiece"])
@pytest.mark.parametrize("template", ["vicuna_v1", "plain"])
def test_saved_model_infers_like_it_trained(kind: str, template: str, tmp_path: Path) -> None:
    extra = _extra_records() if template == "vicuna_v1" else []
    data = write_colour_dataset(tmp_path / "data", n=6, extra=extra)
    start = save_tiny_checkpoint(tmp_path / "start", _tokenizer(kind))
    cfg = load_config("stage1-cpu").model_copy(
        update={"template": template, "image_processing": "exact", "max_steps": 1, "epochs": None,
                "save_every": None, "per_device_batch_size": 2, "global_batch_size": 2}
    )
    result = run_stage(cfg, data, tmp_path / "run", model=str(start))
    final = result.final_dir
    assert final is not None

    # the training side: the trainer's own dataset and collator, one sample per batch
    dataset, _ = prepare_data(cfg, load_stage_model(cfg, str(start)), data)
    collate = Collator(int(dataset_pad_id(final)))
    raw = {r["id"]: r for r in json.loads((data / "llava" / "train.json").read_text())}

    processor = LlavaProcessor.from_pretrained(final)
    model = LlavaForConditionalGeneration.from_pretrained(final)
    assert AutoTokenizer.from_pretrained(final).chat_template == processor.chat_template
    checked = 0
    for i in range(len(dataset)):
        batch = collate([dataset[i]])
        record = raw[batch["ids"][0]]
        images = [Image.open(data / "llava" / record["image"])]
        messages = _messages(record["conversations"])
        text = processor.apply_chat_template(messages)
        got = processor(images=images, text=text, return_tensors="pt")
        n = int(batch["attention_mask"].sum())
        assert got["input_ids"][0].tolist() == batch["input_ids"][0, :n].tolist(), (record["id"], text)
        assert got["attention_mask"][0].tolist() == batch["attention_mask"][0, :n].tolist()
        pixels = normalize(batch["pixel_values"], dataset.spec)
        torch.testing.assert_close(got["pixel_values"], pixels, rtol=0, atol=1e-5)

        prompt = processor.apply_chat_template(messages[:1], add_generation_prompt=True)
        prompt_ids = processor(images=images, text=prompt, return_tensors="pt")["input_ids"][0].tolist()
        first_answer = int(np.argmax(batch["labels"][0].numpy() != IGNORE_INDEX))
        assert prompt_ids == batch["input_ids"][0, :first_answer].tolist(), prompt
        checked += 1
    assert checked == len(dataset) >= 6
    out = model.generate(**got, max_new_tokens=2, do_sample=False)  # and the model takes it
    assert out.shape[1] == got["input_ids"].shape[1] + 2


def dataset_pad_id(final: Path) -> int:
    return int(AutoTokenizer.from_pretrained(final).pad_token_id)


def test_training_reads_the_records_the_parity_test_uses(tmp_path: Path) -> None:
    data = write_colour_dataset(tmp_path, n=6, extra=_extra_records())
    records, report = load_records(data, "vicuna_v1")
    assert not report.dropped and len(records) == 12
    assert max(len(r.turns) for r in records) == 6
