"""Assembling LLaVA from separate local vision-tower and language-model checkpoints."""

from __future__ import annotations

from pathlib import Path

import torch
from tokenizers import Tokenizer, models, pre_tokenizers, trainers
from transformers import (
    CLIPVisionConfig,
    CLIPVisionModel,
    LlamaConfig,
    LlamaForCausalLM,
    PreTrainedTokenizerFast,
)
from visionflan_trainer.config import Freeze
from visionflan_trainer.model import apply_freeze, assemble, build_tiny


def test_assemble_from_parts(tmp_path: Path) -> None:
    torch.manual_seed(0)
    vision = CLIPVisionModel(
        CLIPVisionConfig(
            hidden_size=32,
            intermediate_size=64,
            num_hidden_layers=2,
            num_attention_heads=2,
            image_size=28,
            patch_size=14,
        )
    )
    vision.save_pretrained(tmp_path / "clip")
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.train_from_iterator(
        ["USER: hello ASSISTANT: world"],
        trainers.BpeTrainer(
            vocab_size=300,
            special_tokens=["<unk>", "<s>", "</s>"],
            initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        ),
    )
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>", unk_token="<unk>")
    lm = LlamaForCausalLM(
        LlamaConfig(
            hidden_size=32,
            intermediate_size=64,
            num_hidden_layers=1,
            num_attention_heads=2,
            vocab_size=len(fast),
        )
    )
    lm.save_pretrained(tmp_path / "llm")
    fast.save_pretrained(tmp_path / "llm")

    loaded = assemble(str(tmp_path / "clip"), str(tmp_path / "llm"))
    m = loaded.model
    assert loaded.image_seq_length == 4 and loaded.tokenizer.pad_token is not None
    assert loaded.tokenizer.convert_ids_to_tokens([loaded.image_token_id]) == ["<image>"]
    assert m.get_input_embeddings().weight.shape[0] >= len(loaded.tokenizer)
    tower, ref = m.model.vision_tower.state_dict(), vision.state_dict()
    assert tower.keys() == ref.keys()
    for k in ref:
        torch.testing.assert_close(tower[k], ref[k])
    torch.testing.assert_close(
        m.model.language_model.layers[0].mlp.up_proj.weight, lm.model.layers[0].mlp.up_proj.weight
    )
    ids = torch.tensor([[1, loaded.image_token_id, *[loaded.image_token_id] * 3, 5, 6]])
    out = m(input_ids=ids, pixel_values=torch.randn(1, 3, 28, 28))
    assert out.logits.shape[:2] == ids.shape


def test_apply_freeze_counts() -> None:
    m = build_tiny(0).model
    counts = apply_freeze(m, Freeze(vision_tower=True, projector=False, language_model=True))
    assert counts["vision_tower"] == 0 and counts["language_model"] == 0 and counts["projector"] > 0
    trainable = {n for n, p in m.named_parameters() if p.requires_grad}
    assert trainable and all(n.startswith("model.multi_modal_projector.") for n in trainable)


def test_selective_checkpointing_recomputes_only_the_first_layers() -> None:
    """Recomputing some layers must not change a single gradient, only where memory goes."""
    import torch
    from visionflan_trainer.model import build_tiny, decoder_layers, enable_gradient_checkpointing

    def grads(layers: int | None) -> dict[str, torch.Tensor]:
        model = build_tiny(0).model
        model.train()
        if layers is not None:
            assert enable_gradient_checkpointing(model, layers) == layers
            assert [bool(getattr(x, "gradient_checkpointing", False)) for x in decoder_layers(model)] == [
                i < layers for i in range(len(decoder_layers(model)))
            ]
        ids = torch.randint(5, 200, (2, 12), generator=torch.Generator().manual_seed(0))
        model(input_ids=ids, labels=ids).loss.backward()
        return {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}

    plain, partial = grads(None), grads(1)
    assert plain.keys() == partial.keys()
    for name in plain:
        torch.testing.assert_close(plain[name], partial[name], msg=name)


def test_pretrained_llava_projector_loads_under_transformers_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Vision-Flan's stage 1 starts from LLaVA-1.5's mm_projector.bin (LLaVA's own key names)."""
    import pytest
    import torch
    from visionflan_trainer.model import ModelError, build_tiny, load_projector

    model = build_tiny(0).model
    projector = model.model.multi_modal_projector
    llava_names = {"linear_1.weight": "0.weight", "linear_1.bias": "0.bias",
                   "linear_2.weight": "2.weight", "linear_2.bias": "2.bias"}
    state = {
        f"model.mm_projector.{llava_names[k]}": torch.randn_like(v) for k, v in projector.state_dict().items()
    }
    torch.save(state, tmp_path / "mm_projector.bin")
    load_projector(model, tmp_path / "mm_projector.bin")
    for name, value in projector.state_dict().items():
        assert torch.equal(value, state[f"model.mm_projector.{llava_names[name]}"])

    wrong = {k: v[..., :1] for k, v in state.items()}
    torch.save(wrong, tmp_path / "wrong.bin")
    with pytest.raises(ModelError, match="does not fit"):
        load_projector(model, tmp_path / "wrong.bin")
