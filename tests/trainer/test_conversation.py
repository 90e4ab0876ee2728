"""Golden label masks for LLaVA's vicuna_v1 and plain templates on the tiny tokenizer.

Expected sequences were checked by hand against LLaVA's ``preprocess_v1``/``preprocess_plain``:
everything up to and including "ASSISTANT:" is masked; the answer (with its leading space) and
the "</s>" end-of-turn are supervised; plain supervises caption + "\\n" only.
"""

from __future__ import annotations

import pytest
from visionflan_trainer.conversation import (
    IGNORE_INDEX,
    ConversationEncoder,
    build_segments,
    normalize_image_placement,
    render,
)
from visionflan_trainer.tokenizer import SYSTEM_PROMPT, build_tiny_tokenizer

IMG = "<image>"
SYSTEM_TOKENS = [
    "A",
    "Ġchat",
    "Ġbetween",
    "Ġa",
    "Ġcurious",
    "Ġuser",
    "Ġand",
    "Ġan",
    "Ġartificial",
    "Ġintelligence",
    "Ġassistant",
    ".",
    "ĠThe",
    "Ġassistant",
    "Ġgives",
    "Ġhelpful",
    ",",
    "Ġdetailed",
    ",",
    "Ġand",
    "Ġpolite",
    "Ġanswers",
    "Ġto",
    "Ġthe",
    "Ġuser",
    "'s",
    "Ġquestions",
    ".",
]


@pytest.fixture(scope="module")
def tok():  # type: ignore[no-untyped-def]
    return build_tiny_tokenizer()


def _encode(tok, turns, template, span=3):  # type: ignore[no-untyped-def]
    enc = ConversationEncoder(tok, tok.convert_tokens_to_ids(IMG), span)
    e = enc.encode(build_segments(turns, template))
    tokens = tok.convert_ids_to_tokens(e.input_ids.tolist())
    supervised = [int(x) != IGNORE_INDEX for x in e.labels]
    # labels equal input ids where supervised
    assert all(lab == tid for lab, tid, s in zip(e.labels, e.input_ids, supervised, strict=True) if s)
    return tokens, supervised, e


def test_vicuna_v1_render_matches_llava_prompt() -> None:
    turns = [("human", "<image>\nQ1?"), ("gpt", "A1."), ("human", "Q2?"), ("gpt", "A2.")]
    assert render(build_segments(turns, "vicuna_v1")) == (
        SYSTEM_PROMPT + " USER: <image>\nQ1? ASSISTANT: A1.</s>USER: Q2? ASSISTANT: A2.</s>"
    )


def test_vicuna_v1_golden_two_rounds(tok) -> None:  # type: ignore[no-untyped-def]
    turns = [
        ("human", "<image>\nWhat colour is the square?"),
        ("gpt", "It is red."),
        ("human", "Is it red?"),
        ("gpt", "Yes."),
    ]
    tokens, supervised, e = _encode(tok, turns, "vicuna_v1")
    masked_1 = [
        "<s>",
        *SYSTEM_TOKENS,
        "ĠUSER",
        ":",
        "Ġ",
        IMG,
        IMG,
        IMG,
        "Ċ",
        "What",
        "Ġcolour",
        "Ġis",
        "Ġthe",
        "Ġsquare",
        "?",
        "ĠASSISTANT",
        ":",
    ]
    answer_1 = ["ĠIt", "Ġis", "Ġred", ".", "</s>"]
    masked_2 = ["USER", ":", "ĠIs", "Ġit", "Ġred", "?", "ĠASSISTANT", ":"]
    answer_2 = ["ĠYes", ".", "</s>"]
    assert tokens == masked_1 + answer_1 + masked_2 + answer_2
    expected = (
        [False] * len(masked_1) + [True] * len(answer_1) + [False] * len(masked_2) + [True] * len(answer_2)
    )
    assert supervised == expected
    assert e.num_supervised == 8


def test_plain_golden(tok) -> None:  # type: ignore[no-untyped-def]
    turns = [("human", "<image>\nDescribe the image."), ("gpt", "A photo of a red square.")]
    assert render(build_segments(turns, "plain")) == "<image>A photo of a red square.\n"
    tokens, supervised, _ = _encode(tok, turns, "plain")
    assert tokens == ["<s>", IMG, IMG, IMG, "A", "Ġphoto", "Ġof", "Ġa", "Ġred", "Ġsquare", ".", "Ċ"]
    assert supervised == [False] * 4 + [True] * 8


def test_image_span_expands_to_model_length(tok) -> None:  # type: ignore[no-untyped-def]
    turns = [("human", "<image>\nfirst <image> second"), ("gpt", "ok")]
    tokens, supervised, _ = _encode(tok, turns, "vicuna_v1", span=16)
    assert tokens.count(IMG) == 32
    assert not any(s for t, s in zip(tokens, supervised, strict=True) if t == IMG)


def test_text_only_has_no_image_tokens(tok) -> None:  # type: ignore[no-untyped-def]
    tokens, supervised, _ = _encode(tok, [("human", "Hi"), ("gpt", "Yes.")], "vicuna_v1")
    assert IMG not in tokens and sum(supervised) == 3


def test_normalize_image_placement_is_llavas() -> None:
    assert normalize_image_placement("What is it?\n<image>") == "<image>\nWhat is it?"
    assert normalize_image_placement("no image") == "no image"


def test_training_conversation_must_end_with_assistant() -> None:
    with pytest.raises(ValueError):
        build_segments([("human", "q")], "vicuna_v1")
    assert render(build_segments([("human", "q")], "vicuna_v1", add_generation_prompt=True)).endswith(
        "USER: q ASSISTANT:"
    )
