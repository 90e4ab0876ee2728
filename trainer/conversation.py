"""Conversation templates (LLaVA's ``conv_vicuna_v1`` and ``conv_llava_plain``) and label masking.

A conversation is rendered as a list of segments, each either supervised or masked, whose
concatenation is exactly LLaVA's rendered prompt. Each segment is tokenised on its own and the
labels are built while concatenating, so masks never depend on re-tokenising and re-counting the
whole string (the fragile part of LLaVA's ``preprocess_v1``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from transformers import PreTrainedTokenizerBase

from .tokenizer import IMAGE_TOKEN, SYSTEM_PROMPT

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


class ConversationEncoder:
    """Tokenises segment lists into (input_ids, labels), expanding each image to its token span."""

    def __init__(
        self, tokenizer: PreTrainedTokenizerBase, image_token_id: int, image_seq_length: int
    ) -> None:
        self.tokenizer = tokenizer
        self.image_token_id = image_token_id
        self.image_seq_length = image_seq_length
        bos = tokenizer.bos_token_id
        self._bos: list[int] = [] if bos is None else [int(bos)]

    def encode_many(self, conversations: Sequence[Sequence[Segment]]) -> list[Encoded]:
        """Encode many conversations with one batched tokenizer call over the unique text pieces."""
        pieces: dict[str, int] = {}
        for segs in conversations:
            for seg in segs:
                for piece in seg.text.split(IMAGE_TOKEN):
                    pieces.setdefault(piece, len(pieces))
        texts = list(pieces)
        ids = self.tokenizer(texts, add_special_tokens=False)["input_ids"] if texts else []
        image_span = [self.image_token_id] * self.image_seq_length
        out = []
        for segs in conversations:
            tokens: list[int] = list(self._bos)
            labels: list[int] = [IGNORE_INDEX] * len(tokens)
            for seg in segs:
                seg_ids: list[int] = []
                for j, piece in enumerate(seg.text.split(IMAGE_TOKEN)):
                    if j:
                        seg_ids.extend(image_span)
                    seg_ids.extend(ids[pieces[piece]])
                tokens.extend(seg_ids)
                labels.extend(seg_ids if seg.supervised else [IGNORE_INDEX] * len(seg_ids))
            out.append(Encoded(np.asarray(tokens, np.int32), np.asarray(labels, np.int32)))
        return out

    def encode(self, segments: Sequence[Segment]) -> Encoded:
        return self.encode_many([segments])[0]
