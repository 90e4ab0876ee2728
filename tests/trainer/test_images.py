"""Our fused preprocessing equals LLaVA's expand2square + CLIPImageProcessor."""

from __future__ import annotations

import numpy as np
from PIL import Image
from transformers import CLIPImageProcessor
from visionflan_trainer.images import ImageSpec, expand2square, preprocess


def test_matches_clip_processor_after_expand2square() -> None:
    rng = np.random.default_rng(0)
    proc = CLIPImageProcessor(size={"shortest_edge": 48}, crop_size={"height": 48, "width": 48})
    spec = ImageSpec.from_processor(proc, "pad", "exact")
    assert spec.size == 48 and spec.background == (122, 116, 104)
    for w, h in [(70, 50), (30, 90), (48, 48)]:
        img = Image.fromarray(rng.integers(0, 256, (h, w, 3), dtype=np.uint8))
        ours = preprocess(img, spec)
        ref = proc(expand2square(img, spec.background), return_tensors="np")["pixel_values"][0]
        assert ours.shape == ref.shape == (3, 48, 48)
        np.testing.assert_allclose(ours, ref, atol=2e-2)  # one 8-bit step of resampling rounding


def test_pad_fills_with_mean_colour() -> None:
    spec = ImageSpec(8, (0.5, 0.25, 0.75), (0.5, 0.5, 0.5))
    out = preprocess(Image.new("RGB", (8, 2), (255, 255, 255)), spec)
    # top row is padding: the mean colour, which normalises to ~0
    np.testing.assert_allclose(out[:, 0, 0], [0, 0, 0], atol=0.01)
    resized = preprocess(
        Image.new("RGB", (8, 2), (255, 255, 255)), ImageSpec(8, spec.mean, spec.std, "resize")
    )
    fast = preprocess(Image.new("RGB", (8, 2), (255, 255, 255)), ImageSpec(8, spec.mean, spec.std))
    np.testing.assert_allclose(fast[:, 0, 0], [0, 0, 0], atol=0.01)
    np.testing.assert_allclose(resized[:, 0, 0], [(1 - m) / 0.5 for m in spec.mean], atol=1e-5)


def test_fast_processing_stays_within_rounding_of_the_exact_path(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Reduced-scale JPEG decoding and padding-free resizing change pixels by rounding amounts."""
    from PIL import ImageDraw
    from visionflan_trainer.images import load_image

    photo = Image.linear_gradient("L").resize((800, 560)).convert("RGB")
    draw = ImageDraw.Draw(photo)
    draw.ellipse((100, 80, 500, 400), fill=(200, 60, 40))
    draw.rectangle((520, 200, 760, 520), fill=(30, 120, 220))
    path = tmp_path / "photo.jpg"
    photo.save(path, quality=90)
    exact = ImageSpec(336, (0.48, 0.46, 0.41), (0.27, 0.26, 0.28), processing="exact")
    draft = ImageSpec(336, exact.mean, exact.std, processing="fast")
    full, fast = load_image(path, exact).astype(int), load_image(path, draft).astype(int)
    assert full.shape == fast.shape == (3, 336, 336)
    difference = np.abs(full - fast)
    assert difference.mean() < 1.0, difference.mean()
    assert np.percentile(difference, 99) <= 10
    inner = difference[:, 60:-60, 20:-20]  # away from where content meets padding
    assert inner.mean() < 0.6
