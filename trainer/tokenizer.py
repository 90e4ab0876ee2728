"""Offline tokenizers: a tiny one for tests/CPU runs and a realistic-size one for benchmarks.

No model hub access is allowed, so tokenizers are trained in-process on fixed corpora
(deterministic: BPE training on a fixed, ordered corpus gives the same merges every run).
"""

from __future__ import annotations

from collections.abc import Iterable

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import PreTrainedTokenizerFast
from visionflan_shards import IMAGE_TOKEN

from .conversation import SYSTEM_PROMPT

SPECIAL_TOKENS = ["<unk>", "<s>", "</s>", "<pad>", IMAGE_TOKEN]

_TINY_CORPUS = [
    SYSTEM_PROMPT,
    "USER: ASSISTANT:",
    "questions. USER: Is it? ASSISTANT: Yes.</s>USER: No? ASSISTANT: No.</s>",
    "What colour is the square? What color is the image? Describe the image.",
    "The square is red. The square is green. The square is blue.",
    "It is red. It is green. It is blue. red green blue yellow black white",
    "A photo of a red square. A photo of a green square. A photo of a blue square.",
    "Answer the question with a single word. Is it red? Yes. No.",
    "the a an of in on and or is are what which how many colour color shape",
    "Question: Options: Answer: image picture photo object square circle",
]


def _wrap(tok: Tokenizer) -> PreTrainedTokenizerFast:
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        pad_token="<pad>",
        model_max_length=1_000_000,
        padding_side="right",
        add_bos_token=True,  # like Llama/Vicuna: <s> first, also for the saved processor
    )


def train_bpe_tokenizer(corpus: Iterable[str], vocab_size: int) -> PreTrainedTokenizerFast:
    """Byte-level BPE (GPT/Llama-3 style: any text encodes, no <unk>), special tokens first."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(list(corpus), trainer=trainer)
    return _wrap(tok)


def build_tiny_tokenizer() -> PreTrainedTokenizerFast:
    """~600-token byte-level BPE in which every corpus word is one token (readable goldens)."""
    return train_bpe_tokenizer(_TINY_CORPUS * 4, vocab_size=640)
