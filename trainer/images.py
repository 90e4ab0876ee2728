"""Image preprocessing for the DataLoader workers: LLaVA's pad-to-square, resize, normalise.

``exact`` is equivalent to ``expand2square`` + ``CLIPImageProcessor`` on the squared image (resize
shortest edge to S, centre-crop S is then a no-op), done as one PIL resize in the workers and one
fused normalise on the device instead of the processor's several passes. ``fast`` (the default)
also decodes JPEGs at reduced DCT scale and never resamples the padding; it differs from
``exact`` by rounding-level amounts away from the content's border. ``test_images`` checks both.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import torch
from PIL import Image


@dataclass(frozen=True)
class ImageSpec:
    size: int
    mean: tuple[float, float, float]
    std: tuple[float, float, float]
    aspect: Literal["pad", "resize"] = "pad"
    resample: int = int(Image.Resampling.BICUBIC)
    processing: Literal["exact", "fast"] = "fast"

    @classmethod
    def from_processor(
        cls,
        image_processor: Any,
        aspect: Literal["pad", "resize"],
        processing: Literal["exact", "fast"] = "fast",
    ) -> ImageSpec:
        crop = getattr(image_processor, "crop_size", None) or {}
        size = (
            crop.get("height") or image_processor.size.get("shortest_edge") or image_processor.size["height"]
        )
        resample = getattr(image_processor, "resample", Image.Resampling.BICUBIC)
        return cls(
            size=int(size),
            mean=tuple(float(x) for x in image_processor.image_mean),  # type: ignore[arg-type]
            std=tuple(float(x) for x in image_processor.image_std),  # type: ignore[arg-type]
            aspect=aspect,
            resample=int(getattr(resample, "value", resample)),
            processing=processing,
        )

    @property
    def background(self) -> tuple[int, int, int]:
        """The processor's mean colour as 0-255 RGB, LLaVA's padding colour."""
        return tuple(int(x * 255) for x in self.mean)  # type: ignore[return-value]


def expand2square(img: Image.Image, background: tuple[int, int, int]) -> Image.Image:
    """LLaVA's ``expand2square``: paste centred on a square canvas of the background colour."""
    w, h = img.size
    if w == h:
        return img
    side = max(w, h)
    canvas = Image.new(img.mode, (side, side), background)
    canvas.paste(img, ((side - w) // 2, (side - h) // 2))
    return canvas


def to_uint8(img: Image.Image, spec: ImageSpec) -> np.ndarray:
    """PIL image -> uint8 [3, S, S], squared and resized (the CPU part, run in workers).

    Normalisation is deferred to ``normalize`` on the training device: uint8 batches are 4x
    smaller to pass between processes and pin, and the float math is one fused op there.
    """
    img = img.convert("RGB")
    if spec.aspect == "pad" and spec.processing == "fast":
        img = pad_and_resize(img, spec)
    elif spec.aspect == "pad":
        img = expand2square(img, spec.background)
    if img.size != (spec.size, spec.size):
        img = img.resize((spec.size, spec.size), resample=spec.resample)
    return np.ascontiguousarray(np.asarray(img, dtype=np.uint8).transpose(2, 0, 1))


def pad_and_resize(img: Image.Image, spec: ImageSpec) -> Image.Image:
    """``expand2square`` then resize, without resampling the padding.

    The content is resized straight into the output pixels it covers, sampled at exactly the
    positions the squared canvas would give them (Pillow's ``box``), then pasted on a canvas of
    the background colour. Only the one or two output rows where content meets padding differ
    from the exact path (edge clamping instead of blending with the background); for a 4:3 photo
    this resamples about half the pixels.
    """
    w, h = img.size
    side, size = max(w, h), spec.size
    scale = size / side
    x0, y0 = (side - w) // 2, (side - h) // 2
    left, top = round(x0 * scale), round(y0 * scale)
    right, bottom = round((x0 + w) * scale), round((y0 + h) * scale)
    box = (
        max(0.0, left / scale - x0),
        max(0.0, top / scale - y0),
        min(float(w), right / scale - x0),
        min(float(h), bottom / scale - y0),
    )
    content = img.resize((right - left, bottom - top), resample=spec.resample, box=box)
    if content.size == (size, size):
        return content
    canvas = Image.new("RGB", (size, size), spec.background)
    canvas.paste(content, (left, top))
    return canvas


def normalize(pixels: torch.Tensor, spec: ImageSpec, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """uint8 [..., 3, S, S] -> (x / 255 - mean) / std, computed on ``pixels``' device."""
    std = torch.tensor(spec.std, device=pixels.device, dtype=torch.float32).view(3, 1, 1)
    mean = torch.tensor(spec.mean, device=pixels.device, dtype=torch.float32).view(3, 1, 1)
    return (pixels.float() * (1.0 / (255.0 * std)) - mean / std).to(dtype)


def preprocess(img: Image.Image, spec: ImageSpec) -> np.ndarray:
    """PIL image -> float32 [3, S, S] normalised pixel values (reference/inference path)."""
    return normalize(torch.from_numpy(to_uint8(img, spec)), spec).numpy()


def load_image(path: str | Path, spec: ImageSpec) -> np.ndarray:
    """uint8 [3, S, S] for the training pipeline."""
    with Image.open(path) as img:
        if spec.processing == "fast":
            draft_decode(img, spec)
        return to_uint8(img, spec)


def draft_decode(img: Image.Image, spec: ImageSpec) -> None:
    """Let a JPEG decode at 1/2, 1/4 or 1/8 scale when the final resize shrinks it at least that much.

    The decoder's DCT scaling is a proper low-pass downscale and the bicubic resize that follows
    still only shrinks, so the result differs from a full decode by rounding-level amounts
    (``test_images`` bounds it) while decoding up to 64x fewer pixels.
    ``image_processing: exact`` in the stage config turns it off.
    """
    if img.format != "JPEG":
        return
    w, h = img.size
    side = max(w, h) if spec.aspect == "pad" else None
    scale_w = spec.size / (side or w)
    scale_h = spec.size / (side or h)
    img.draft("RGB", (max(1, math.ceil(w * scale_w)), max(1, math.ceil(h * scale_h))))
