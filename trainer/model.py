"""Build, load or assemble a ``LlavaForConditionalGeneration`` plus its ``LlavaProcessor``.

Three sources: ``tiny`` (random, from configs, offline tokenizer), an existing LLaVA checkpoint
directory, or separate vision-tower + language-model checkpoints assembled into LLaVA's layout.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    CLIPVisionConfig,
    CLIPVisionModel,
    LlamaConfig,
    LlavaConfig,
    LlavaForConditionalGeneration,
    LlavaImageProcessorPil,
    LlavaProcessor,
    PreTrainedTokenizerBase,
)
from visionflan_shards import IMAGE_TOKEN

from .config import Freeze
from .conversation import Template, chat_template
from .errors import ModelError
from .images import ImageSpec
from .tokenizer import build_tiny_tokenizer

log = logging.getLogger(__name__)


@dataclass
class LoadedModel:
    model: LlavaForConditionalGeneration
    processor: LlavaProcessor

    @property
    def tokenizer(self) -> PreTrainedTokenizerBase:
        tok: PreTrainedTokenizerBase = self.processor.tokenizer
        return tok

    @property
    def image_token_id(self) -> int:
        return int(self.model.config.image_token_id)

    @property
    def image_seq_length(self) -> int:
        return image_seq_length(self.model.config)


def image_seq_length(config: Any) -> int:
    """Image tokens per image as the model computes them (CLS dropped by the 'default' strategy)."""
    vc = config.vision_config
    n = (vc.image_size // vc.patch_size) ** 2
    return n + 1 if config.vision_feature_select_strategy == "full" else n


def _image_token_id(tokenizer: PreTrainedTokenizerBase) -> int:
    ids = tokenizer.encode(IMAGE_TOKEN, add_special_tokens=False)
    if len(ids) != 1 or tokenizer.convert_ids_to_tokens(ids) != [IMAGE_TOKEN]:
        raise ModelError(f"tokenizer has no {IMAGE_TOKEN} token (it encodes to {ids})")
    return int(ids[0])


def make_processor(
    tokenizer: PreTrainedTokenizerBase,
    vision: Any,
    image_processor: Any | None = None,
    chat_template: str | None = None,
) -> LlavaProcessor:
    """A LlavaProcessor whose image-token expansion matches the model (CLS counted, then dropped).

    The default image processor is the PIL-backend ``LlavaImageProcessorPil`` with ``do_pad``:
    LLaVA's pad-to-square, bicubic resize and CLIP normalisation, with no torchvision needed.
    """
    if image_processor is None:
        size = int(vision.image_size)
        image_processor = LlavaImageProcessorPil(
            do_pad=True, size={"shortest_edge": size}, crop_size={"height": size, "width": size}
        )
    return LlavaProcessor(
        image_processor=image_processor,
        tokenizer=tokenizer,
        patch_size=vision.patch_size,
        vision_feature_select_strategy="default",
        num_additional_image_tokens=1,
        chat_template=chat_template,
    )


def training_image_processor(spec: ImageSpec) -> LlavaImageProcessorPil:
    """An image processor that gives the pixels training used (``image_processing: exact``).

    ``pad``: LLaVA's expand2square in the mean colour, then shortest edge to S (the centre crop is
    a no-op on a square); ``resize``: straight to S x S. Equal to training's ``exact`` path to
    float rounding (both resize with PIL's bicubic); ``fast`` differs from it by rounding-level
    amounts (``test_images`` bounds them).
    """
    size = spec.size
    square = {"height": size, "width": size}
    common: dict[str, Any] = {
        "image_mean": list(spec.mean),
        "image_std": list(spec.std),
        "resample": spec.resample,
        "crop_size": square,
    }
    if spec.aspect == "pad":
        return LlavaImageProcessorPil(
            do_pad=True, size={"shortest_edge": size}, do_center_crop=True, **common
        )
    return LlavaImageProcessorPil(do_pad=False, size=square, do_center_crop=False, **common)


def training_processor(loaded: LoadedModel, template: Template, spec: ImageSpec) -> LlavaProcessor:
    """The processor to save with a trained model: inference then sees what training saw.

    ``apply_chat_template(messages, add_generation_prompt=True)`` renders the training prompt
    (``template``), the tokenizer adds the same ``<s>`` training put first, and the image
    processor reproduces the training pixels.
    """
    old = loaded.processor
    template_text = chat_template(template)
    tokenizer = loaded.tokenizer
    tokenizer.chat_template = template_text
    return LlavaProcessor(
        image_processor=training_image_processor(spec),
        tokenizer=tokenizer,
        patch_size=old.patch_size,
        vision_feature_select_strategy=old.vision_feature_select_strategy,
        num_additional_image_tokens=old.num_additional_image_tokens,
        chat_template=template_text,
    )


def tiny_configs(vocab_size: int, image_token_id: int, pad_token_id: int) -> LlavaConfig:
    vision = CLIPVisionConfig(
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        image_size=32,
        patch_size=8,
        projection_dim=32,
    )
    text = LlamaConfig(
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=4,
        vocab_size=vocab_size,
        max_position_embeddings=1024,
        pad_token_id=pad_token_id,
        bos_token_id=1,
        eos_token_id=2,
    )
    cfg = LlavaConfig(
        vision_config=vision,
        text_config=text,
        image_token_index=image_token_id,
        projector_hidden_act="gelu",
        vision_feature_layer=-2,
        vision_feature_select_strategy="default",
    )
    cfg.image_seq_length = image_seq_length(cfg)
    return cfg


def build_tiny(seed: int = 0) -> LoadedModel:
    """Random tiny LLaVA (CLIP 2x32, Llama 2x64) with the offline tokenizer; deterministic in seed."""
    tok = build_tiny_tokenizer()
    cfg = tiny_configs(len(tok), _image_token_id(tok), int(tok.pad_token_id))
    torch.manual_seed(seed)
    model = LlavaForConditionalGeneration(cfg)
    _set_generation_ids(model, tok)
    return LoadedModel(model, make_processor(tok, cfg.vision_config))


def load_llava(path: str, dtype: torch.dtype = torch.float32) -> LoadedModel:
    """An existing LLaVA checkpoint (ours, or llava-hf layout) with its processor/tokenizer."""
    tok = AutoTokenizer.from_pretrained(path)
    token_id = _image_token_id(tok)  # check the raw tokenizer: processors may add the token
    model = LlavaForConditionalGeneration.from_pretrained(path, dtype=dtype)
    if int(model.config.image_token_id) != token_id:
        raise ModelError(
            f"tokenizer's {IMAGE_TOKEN} id {token_id} differs from the model's {model.config.image_token_id}"
        )
    if (Path(path) / "processor_config.json").is_file():
        processor = LlavaProcessor.from_pretrained(path)
    else:
        processor = make_processor(tok, model.config.vision_config)
    return LoadedModel(model, processor)


def assemble(vision_tower: str, language_model: str, dtype: torch.dtype = torch.float32) -> LoadedModel:
    """LLaVA from a CLIP checkpoint + a causal-LM checkpoint; the projector starts random.

    Adds ``<image>`` (and a pad token) to the LM's tokenizer and grows the embeddings to match.
    """
    vision = CLIPVisionModel.from_pretrained(vision_tower, dtype=dtype)
    lm = AutoModelForCausalLM.from_pretrained(language_model, dtype=dtype)
    tok = AutoTokenizer.from_pretrained(language_model)
    added = {}
    if tok.pad_token is None:
        added["pad_token"] = tok.unk_token or "<pad>"
    if added:
        tok.add_special_tokens(added)
    tok.add_tokens([IMAGE_TOKEN], special_tokens=True)
    embeddings: Any = lm.get_input_embeddings()
    if len(tok) > embeddings.weight.shape[0]:
        lm.resize_token_embeddings(len(tok), pad_to_multiple_of=64)
    cfg = LlavaConfig(
        vision_config=vision.config,
        text_config=lm.config,
        image_token_index=_image_token_id(tok),
        projector_hidden_act="gelu",
        vision_feature_layer=-2,
        vision_feature_select_strategy="default",
    )
    cfg.image_seq_length = image_seq_length(cfg)
    text_config: Any = cfg.text_config
    text_config.pad_token_id = tok.pad_token_id
    model = LlavaForConditionalGeneration(cfg)
    nn.Module.to(model, dtype)
    model.model.vision_tower.load_state_dict(vision.state_dict())
    base = lm.get_decoder()
    model.model.language_model.load_state_dict(base.state_dict())
    model.lm_head.load_state_dict(lm.get_output_embeddings().state_dict())
    _set_generation_ids(model, tok)
    try:  # the tower's own size/mean/std, with LLaVA's padding and the PIL backend
        image_processor = LlavaImageProcessorPil.from_pretrained(vision_tower, do_pad=True)
    except OSError:
        image_processor = None
    return LoadedModel(model, make_processor(tok, cfg.vision_config, image_processor))


_LLAVA_PROJECTOR_NAMES = {  # LLaVA's nn.Sequential(Linear, GELU, Linear) -> transformers' names
    "0.weight": "linear_1.weight",
    "0.bias": "linear_1.bias",
    "2.weight": "linear_2.weight",
    "2.bias": "linear_2.bias",
}


def load_projector(model: LlavaForConditionalGeneration, path: Path) -> None:
    """Load pretrained projector weights, e.g. LLaVA-1.5's ``mm_projector.bin``.

    Accepts a torch or safetensors file whose keys end in LLaVA's ``mm_projector.{0,2}.*`` or
    transformers' ``multi_modal_projector.linear_{1,2}.*``; shapes must match exactly.
    """
    if not path.is_file():
        raise ModelError(f"projector weights not found: {path}")
    if path.suffix == ".safetensors":
        from safetensors.torch import load_file

        state = load_file(str(path))
    else:
        state = torch.load(path, map_location="cpu", weights_only=True)
    renamed = {}
    for key, tensor in state.items():
        for prefix in ("mm_projector.", "multi_modal_projector."):
            if prefix in key:
                key = key.split(prefix, 1)[1]
        renamed[_LLAVA_PROJECTOR_NAMES.get(key, key)] = tensor
    projector = model.model.multi_modal_projector
    try:
        projector.load_state_dict(renamed, strict=True)
    except RuntimeError as error:
        raise ModelError(f"{path} does not fit this model's projector: {error}") from error


def _set_generation_ids(model: LlavaForConditionalGeneration, tok: PreTrainedTokenizerBase) -> None:
    gc = model.generation_config
    gc.pad_token_id, gc.eos_token_id, gc.bos_token_id = tok.pad_token_id, tok.eos_token_id, tok.bos_token_id


def load_model(source: str, dtype: torch.dtype = torch.float32, seed: int = 0) -> LoadedModel:
    """``tiny`` | LLaVA checkpoint dir | ``vision_tower=...,language_model=...`` (see assemble)."""
    if source == "tiny":
        return build_tiny(seed)
    return load_llava(source, dtype)


def apply_freeze(model: LlavaForConditionalGeneration, freeze: Freeze) -> dict[str, int]:
    """Set requires_grad per part; returns trainable parameter counts per part (for the log)."""
    parts = {
        "vision_tower": [model.model.vision_tower],
        "projector": [model.model.multi_modal_projector],
        "language_model": [model.model.language_model, model.lm_head],
    }
    counts = {}
    for name, modules in parts.items():
        frozen = getattr(freeze, name)
        n = 0
        for m in modules:
            for p in m.parameters():
                p.requires_grad_(not frozen)
                n += p.numel()
        counts[name] = 0 if frozen else n
    return counts


def enable_gradient_checkpointing(model: LlavaForConditionalGeneration, layers: int | None = None) -> int:
    """Recompute activations in the backward pass, for the first ``layers`` decoder layers only.

    Full checkpointing costs one extra forward of every layer (about a quarter of a training
    step); where memory allows, keeping some layers' activations buys that time back (selective
    recomputation). Returns how many layers are checkpointed.
    """
    model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    decoder = decoder_layers(model)
    keep = len(decoder) if layers is None else min(layers, len(decoder))
    for index, layer in enumerate(decoder):
        setattr(layer, "gradient_checkpointing", index < keep)  # noqa: B010 - per-layer switch
    return keep


def decoder_layers(model: LlavaForConditionalGeneration) -> nn.ModuleList:
    """The language model's decoder layers (the ones gradient checkpointing wraps)."""
    layers = model.get_decoder().layers
    assert isinstance(layers, nn.ModuleList)
    return layers


def save_final(
    loaded: LoadedModel,
    state_dict: dict[str, torch.Tensor],
    out: Path,
    dtype: torch.dtype | None = None,
    processor: LlavaProcessor | None = None,
) -> None:
    """``save_pretrained`` model + processor so ``from_pretrained(out)`` and stage 2 can load it.

    ``processor`` (see ``training_processor``) is saved instead of the one the model came with.

    Saves through a meta-device twin of the model: the live one may be FSDP-wrapped (its class
    is swapped, which confuses transformers' checkpoint key conversion) and needs no copy.
    """
    out.mkdir(parents=True, exist_ok=True)
    if dtype is not None:
        state_dict = {k: v.to(dtype) if v.is_floating_point() else v for k, v in state_dict.items()}
    config = copy.deepcopy(loaded.model.config)
    config.use_cache = True
    with torch.device("meta"):
        twin = LlavaForConditionalGeneration(config)
    twin.generation_config = loaded.model.generation_config
    twin.save_pretrained(out, state_dict=state_dict)
    (processor or loaded.processor).save_pretrained(out)
