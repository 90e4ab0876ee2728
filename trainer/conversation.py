"""Conversation templates (LLaVA's ``conv_vicuna_v1`` and ``conv_llava_plain``) and label masking.

A conversation is rendered as a list of segments, each either supervised or masked, whose
concatenation is exactly LLaVA's rendered prompt. The *whole* rendered string is tokenised in one
call, as inference tokenises it (``processor.apply_chat_template`` renders the same string, see
``chat_template``), and each token is labelled by the segment its characters come from (the
tokenizer's offsets). Tokenising turn by turn would differ from inference wherever a tokenizer
treats the start of a call specially (SentencePiece's ``legacy=False`` prefix space:
``</s>USER`` is not ``</s>▁USER``), and counting tokens per round is the fragile part of LLaVA's
``preprocess_v1``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from visionflan_shards import IMAGE_TOKEN

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

SYSTEM_PROMPT = (
    "A chat between a curious user and an artificial intelligence assistant. "
    "The assistant gives helpful, detailed, and polite answers to the user's questions."
)
IGNORE_INDEX = -100
Template = Literal["vicuna_v1", "plain"]
TEMPLATES: tuple[str, ...] = ("vicuna_v1", "plain")

# conv_vicuna_v1: SeparatorStyle.TWO, roles USER/ASSISTANT, sep " ", sep2 "</s>".
VICUNA_SEP = " "
VICUNA_SEP2 = "</s>"
# conv_llava_plain: SeparatorStyle.PLAIN, sep "\n".
PLAIN_SEP = "\n"


@dataclass(frozen=True)
class Segment:
    """A run of template text; ``supervised`` segments are the assistant's answer + end-of-turn."""

    text: str
    supervised: bool


def normalize_image_placement(value: str) -> str:
    """LLaVA's ``preprocess_multimodal`` for a single image: move ``<image>`` to the front + newline."""
    if IMAGE_TOKEN not in value:
        return value
    return (IMAGE_TOKEN + "\n" + value.replace(IMAGE_TOKEN, "").strip()).strip()


def build_segments(
    turns: Sequence[tuple[str, str]], template: Template, add_generation_prompt: bool = False
) -> list[Segment]:
    """Segments for ``turns`` = [(role, text)] with roles alternating human/gpt, human first.

    With ``add_generation_prompt`` a trailing human turn ends in ``"ASSISTANT:"`` (inference).
    """
    if template == "plain":
        # preprocess_plain: the human message is replaced by the bare image token.
        segs = [Segment(IMAGE_TOKEN, False)]
        if len(turns) > 1:
            segs.append(Segment(turns[1][1] + PLAIN_SEP, True))
        return segs
    if template != "vicuna_v1":
        raise ValueError(f"unknown template {template!r}")
    segs = []
    prefix = SYSTEM_PROMPT + VICUNA_SEP
    for role, text in turns:
        if role == "human":
            segs.append(Segment(prefix + "USER: " + text + VICUNA_SEP + "ASSISTANT:", False))
            prefix = ""
        else:
            segs.append(Segment(" " + text + VICUNA_SEP2, True))
    if add_generation_prompt and (not turns or turns[-1][0] != "human"):
        raise ValueError("generation prompt needs a final human turn")
    if not add_generation_prompt and turns and turns[-1][0] == "human":
        raise ValueError("training conversations must end with an assistant turn")
    return segs


# Chat templates for the saved processor/tokenizer: ``apply_chat_template(messages,
# add_generation_prompt=True)`` renders exactly what ``build_segments`` + ``render`` give for the
# same turns (test_parity checks it). Roles: user = human, assistant = gpt; a message's content is
# a string or a list of {"type": "image"} / {"type": "text", "text": ...} parts. As in training,
# a conversation with a single image gets it moved to the front of its message, then a newline.
_CONTENT_MACRO = (
    "{%- macro content_text(content) -%}"
    "{%- if content is string -%}{{ content }}"
    "{%- else -%}{%- for part in content -%}"
    "{%- if part.type == 'image' -%}" + IMAGE_TOKEN + "{%- elif part.type == 'text' -%}{{ part.text }}"
    "{%- endif -%}{%- endfor -%}{%- endif -%}"
    "{%- endmacro -%}"
)
VICUNA_CHAT_TEMPLATE = (
    _CONTENT_MACRO
    + "{%- set ns = namespace(images=0, system=" + repr(SYSTEM_PROMPT) + ") -%}"
    "{%- for message in messages -%}"
    "{%- set ns.images = ns.images"
    " + (content_text(message.content) | string).count('" + IMAGE_TOKEN + "') -%}"
    "{%- endfor -%}"
    "{%- if messages and messages[0].role == 'system' -%}"
    "{%- set ns.system = content_text(messages[0].content) | string -%}"
    "{%- endif -%}"
    "{{- ns.system + '" + VICUNA_SEP + "' -}}"
    "{%- for message in messages -%}"
    "{%- set text = content_text(message.content) | string -%}"
    "{%- if message.role == 'user' -%}"
    "{%- if ns.images == 1 and '" + IMAGE_TOKEN + "' in text -%}"
    "{%- set text = ('" + IMAGE_TOKEN + "\\n' + text.replace('" + IMAGE_TOKEN + "', '').strip()).strip() -%}"
    "{%- endif -%}"
    "{{- 'USER: ' + text + '" + VICUNA_SEP + "ASSISTANT:' -}}"
    "{%- elif message.role == 'assistant' -%}"
    "{{- ' ' + text + '" + VICUNA_SEP2 + "' -}}"
    "{%- endif -%}"
    "{%- endfor -%}"
)
PLAIN_CHAT_TEMPLATE = (
    _CONTENT_MACRO
    + "{%- for message in messages -%}"
    "{%- if message.role == 'user' -%}{{- '" + IMAGE_TOKEN + "' -}}"
    "{%- elif message.role == 'assistant' -%}"
    "{{- (content_text(message.content) | string) + '\\n' -}}"
    "{%- endif -%}"
    "{%- endfor -%}"
)


def chat_template(template: Template) -> str:
    """The Jinja chat template rendering ``template`` exactly as training does."""
    return {"vicuna_v1": VICUNA_CHAT_TEMPLATE, "plain": PLAIN_CHAT_TEMPLATE}[template]


def to_messages(turns: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    """Training turns [(human|gpt, text)] as chat messages [{"role": user|assistant, "content"}]."""
    return [{"role": "user" if r == "human" else "assistant", "content": t} for r, t in turns]


def render(segments: Sequence[Segment]) -> str:
    """The full prompt string (what LLaVA's ``conv.get_prompt()`` returns)."""
    return "".join(s.text for s in segments)


@dataclass
class Encoded:
    input_ids: np.ndarray  # int32 [T]
    labels: np.ndarray  # int32 [T], IGNORE_INDEX where masked

    @property
    def num_supervised(self) -> int:
        """Tokens that contribute to the loss (labels are shifted by one inside the loss)."""
        return int((self.labels[1:] != IGNORE_INDEX).sum())


def special_prefix(tokenizer: PreTrainedTokenizerBase) -> list[int]:
    """The ids the tokenizer itself puts before any text (Llama/Vicuna: ``<s>``).

    Training prepends exactly these, so a prompt encoded by the saved processor (which adds the
    tokenizer's special tokens) starts like the training sample.
    """
    plain = list(tokenizer("a", add_special_tokens=False)["input_ids"])
    full = list(tokenizer("a", add_special_tokens=True)["input_ids"])
    for i in range(len(full) - len(plain) + 1):
        if full[i : i + len(plain)] == plain:
            return [int(x) for x in full[:i]]
    return []


class ConversationEncoder:
    """Tokenises segment lists into (input_ids, labels), expanding each image to its token span."""

    def __init__(
        self, tokenizer: PreTrainedTokenizerBase, image_token_id: int, image_seq_length: int
    ) -> None:
        self.tokenizer = tokenizer
        self.image_token_id = image_token_id
        self.image_seq_length = image_seq_length
        self._prefix = np.asarray(special_prefix(tokenizer), np.int64)

    def encode_many(self, conversations: Sequence[Sequence[Segment]]) -> list[Encoded]:
        """Encode many conversations with one batched tokenizer call over their rendered strings."""
        texts = [render(segs) for segs in conversations]
        if not texts:
            return []
        enc: Any = self.tokenizer(texts, add_special_tokens=False, return_offsets_mapping=True)
        out = []
        for segs, text, ids, offsets in zip(
            conversations, texts, enc["input_ids"], enc["offset_mapping"], strict=True
        ):
            supervised = np.zeros(len(text) + 1, bool)
            pos = 0
            for seg in segs:
                if seg.supervised:
                    supervised[pos : pos + len(seg.text)] = True
                pos += len(seg.text)
            tokens = np.asarray(ids, np.int64)
            spans = np.asarray(offsets, np.int64).reshape(-1, 2)
            # a token belongs to the segment of its last character (" It" after "ASSISTANT:")
            labels = np.where(supervised[np.maximum(spans[:, 0], spans[:, 1] - 1)], tokens, IGNORE_INDEX)
            image = tokens == self.image_token_id
            if image.any():
                repeats = np.where(image, self.image_seq_length, 1)
                labels = np.repeat(np.where(image, IGNORE_INDEX, labels), repeats)
                tokens = np.repeat(tokens, repeats)
            out.append(
                Encoded(
                    np.concatenate([self._prefix, tokens]).astype(np.int32),
                    np.concatenate([np.full(len(self._prefix), IGNORE_INDEX), labels]).astype(np.int32),
                )
            )
        return out

    def encode(self, segments: Sequence[Segment]) -> Encoded:
        return self.encode_many([segments])[0]
