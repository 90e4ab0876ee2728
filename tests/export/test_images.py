"""Bad images skip their example (reported in skipped.jsonl) or fail with --strict; good ones are
passed through byte for byte or converted to RGB, upright and within --max-side."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from visionflan_core.errors import VisionFlanError
from visionflan_core.export.images import ImageOptions, ImageSkip, prepare
from visionflan_core.export.sources import ImageRef
from visionflan_core.registry import Registry
from visionflan_core.testing import draw_image

from .conftest import export

ONLY_ALPHA = {"select": {"include": ["fake_alpha"]}}


def _data(root: Path, images: dict[str, str]) -> Path:
    """A data root for fake_alpha (dataset coco) with one record per named image."""
    records = [{"id": rid, "images": [ref], "label": "cat"} for rid, ref in images.items()]
    (root / "coco").mkdir(parents=True, exist_ok=True)
    (root / "coco" / "records.json").write_text(json.dumps(records))
    return root


@pytest.fixture
def bad_root(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    draw_image(root / "coco" / "good.png", seed=1)
    draw_image(root / "coco" / "big.png", seed=2, size=(80, 80))
    (root / "coco" / "corrupt.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    draw_image(tmp_path / "outside.png", seed=3)
    return _data(root, {"good": "good.png", "big": "big.png", "corrupt": "corrupt.png",
                        "missing": "missing.png", "outside": "../../outside.png"})


def test_bad_images_are_skipped_and_reported(registry: Registry, bad_root: Path,
                                             tmp_path: Path) -> None:
    out = tmp_path / "out"
    info = export(registry, out, data_root=bad_root, images=ImageOptions(max_pixels=2000),
                  **ONLY_ALPHA)
    assert info is not None and info["totals"]["written"] == 1
    skipped = {s["id"].split("+")[-1]: s for s in map(json.loads, (out / "skipped.jsonl").open())}
    assert sorted(skipped) == ["big", "corrupt", "missing", "outside"]
    assert "over-size" in skipped["big"]["reason"]
    assert "does not decode" in skipped["corrupt"]["reason"]
    assert "missing" in skipped["missing"]["reason"]
    assert "outside" in skipped["outside"]["reason"]
    assert skipped["big"]["task"] == "fake_alpha" and skipped["big"]["image"] == "big.png"
    assert info["tasks"][0]["skipped"] == 4
    assert not (out / "images" / "outside.png").exists()


def test_strict_fails_instead(registry: Registry, bad_root: Path, tmp_path: Path) -> None:
    with pytest.raises(VisionFlanError, match="--strict"):
        export(registry, tmp_path / "out", data_root=bad_root, strict=True, **ONLY_ALPHA)
    assert not (tmp_path / "out" / "COMPLETED").exists()


def test_strict_fails_on_a_missing_dataset(registry: Registry, bad_root: Path,
                                           tmp_path: Path) -> None:
    with pytest.raises(VisionFlanError, match=r"2 selected task.*fake_beta.*<data-root>/pacs"):
        export(registry, tmp_path / "refused", data_root=bad_root)
    assert not (tmp_path / "refused" / "COMPLETED").exists()
    info = export(registry, tmp_path / "lenient", data_root=bad_root, allow_empty=True)
    assert info is not None and info["totals"]["problems"] == 2  # no pacs/ nor domain_net/
    assert info["totals"]["lost_tasks"] == 2
    assert "<data-root>" in (tmp_path / "lenient" / "problems.jsonl").read_text()
    with pytest.raises(VisionFlanError, match="unreadable task"):
        export(registry, tmp_path / "strict", data_root=bad_root, strict=True)


def _saved(path: Path, image: Image.Image, **save: Any) -> ImageRef:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, **save)
    return ImageRef(path.parent, path.name, "ns")


@pytest.mark.parametrize("mode", ["CMYK", "P", "LA", "RGBA", "L"])
def test_modes_become_rgb(tmp_path: Path, mode: str) -> None:
    suffix = ".jpg" if mode == "CMYK" else ".png"
    source = Image.new("RGB", (10, 6), (200, 30, 40)).convert(mode)
    prepared = prepare(_saved(tmp_path / f"x{suffix}", source), ImageOptions())
    with Image.open(io.BytesIO(prepared.data)) as decoded:
        assert decoded.mode == "RGB" and decoded.size == (10, 6)
    assert prepared.ext == ("jpg" if mode == "CMYK" else "png")


def test_transparent_pixels_become_white(tmp_path: Path) -> None:
    prepared = prepare(_saved(tmp_path / "a.png", Image.new("RGBA", (4, 4), (0, 0, 0, 0))),
                       ImageOptions())
    with Image.open(io.BytesIO(prepared.read())) as decoded:
        assert decoded.getpixel((0, 0)) == (255, 255, 255)


def test_exif_orientation_and_max_side(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees when displayed
    ref = _saved(tmp_path / "r.jpg", Image.new("RGB", (40, 20), (9, 9, 9)), exif=exif)
    assert prepare(ref, ImageOptions()).width == 20
    resized = prepare(ref, ImageOptions(max_side=10))
    assert (resized.width, resized.height) == (5, 10)
    other = _saved(tmp_path / "o.bmp", Image.new("RGB", (3, 3)))
    assert prepare(other, ImageOptions()).name == "ns/o.bmp.png"


def test_unchanged_images_are_copied_byte_for_byte_or_linked(tmp_path: Path) -> None:
    ref = _saved(tmp_path / "src" / "p.png", Image.new("RGB", (8, 8), (1, 2, 3)))
    prepared = prepare(ref, ImageOptions(verify="full"))
    assert not prepared.changed and prepared.name == "ns/p.png"
    prepared.place(tmp_path / "copy.png")
    assert (tmp_path / "copy.png").read_bytes() == (tmp_path / "src" / "p.png").read_bytes()
    prepared.place(tmp_path / "link.png", link=True)
    assert os.path.samefile(tmp_path / "link.png", tmp_path / "src" / "p.png")


@pytest.mark.parametrize(("suffix", "keep"), [(".png", 200), (".jpg", 0.6), (".webp", 0.6),
                                            (".jpg", -2), (".png", -4)])
def test_truncated_images_fail_the_default_header_check(tmp_path: Path, suffix: str,
                                                        keep: float) -> None:
    image = Image.effect_noise((64, 64), 50).convert("RGB")
    ref = _saved(tmp_path / f"t{suffix}", image, **({"quality": 90} if suffix != ".png" else {}))
    path = tmp_path / f"t{suffix}"
    data = path.read_bytes()
    path.write_bytes(data[:int(len(data) * keep)] if isinstance(keep, float) else data[:keep])
    for verify in ("header", "full"):
        with pytest.raises(ImageSkip, match=r"truncated|does not decode|cannot be read"):
            prepare(ref, ImageOptions(verify=verify))  # type: ignore[arg-type]


def test_whole_images_with_trailing_bytes_still_pass(tmp_path: Path) -> None:
    ref = _saved(tmp_path / "t.jpg", Image.effect_noise((64, 64), 50).convert("RGB"))
    path = tmp_path / "t.jpg"
    path.write_bytes(path.read_bytes() + b"\0" * 64)  # padding after the end marker is common
    assert prepare(ref, ImageOptions()).width == 64


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.png"
    os.mkfifo(fifo)  # opening it for reading would block forever
    (tmp_path / "folder.png").mkdir()
    for name in ("fifo.png", "folder.png"):
        with pytest.raises(ImageSkip, match="not a regular file"):
            prepare(ImageRef(tmp_path, name, "ns"), ImageOptions())


@pytest.mark.parametrize("bad", [{"max_side": 0}, {"max_side": -5}, {"max_pixels": 0},
                                 {"max_pixels": -1}, {"max_pixels": 1 << 40}, {"verify": "none"}])
def test_image_limits_are_validated_up_front(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"max|verify"):
        ImageOptions(**bad)


def test_max_pixels_above_pillows_own_limit_takes_effect(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)  # Pillow refuses 2x this outright
    ref = _saved(tmp_path / "big.png", Image.new("RGB", (30, 30)))
    assert prepare(ref, ImageOptions(max_pixels=1000)).width == 30
    with pytest.raises(ImageSkip, match="over-size"):
        prepare(ref, ImageOptions(max_pixels=899))


def test_image_reports_hold_no_object_reprs_or_paths(tmp_path: Path) -> None:
    (tmp_path / "junk.png").write_bytes(b"definitely not an image")
    with pytest.raises(ImageSkip) as raised:
        prepare(ImageRef(tmp_path, "junk.png", "ns"), ImageOptions())
    assert " at 0x" not in raised.value.reason and str(tmp_path) not in raised.value.reason
