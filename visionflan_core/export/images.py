"""Image preparation: check, orient, convert to RGB, resize; copy bytes untouched when possible.

An image that needs no change is passed through byte for byte (copied or hard-linked), so exports
stay as fast as a plain copy and as faithful as the source. Anything wrong raises :class:`ImageSkip`
with a reason; the caller skips that example and reports it.
"""

from __future__ import annotations

import contextlib
import io
import os
import posixpath
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from PIL import Image, ImageOps

from ..images import IMAGE_ERRORS, image_error_reason, read_regular_file, truncation
from .sources import ImageRef

Ext = Literal["jpg", "png"]
PASSTHROUGH_FORMATS: dict[str, Ext] = {"JPEG": "jpg", "PNG": "png"}
ORIENTATION_TAG = 0x0112
JPEG_QUALITY = 95
DEFAULT_MAX_PIXELS = Image.MAX_IMAGE_PIXELS or 89_478_485
MAX_PIXELS_LIMIT = 1 << 31  # a 46k x 46k image: far above any real dataset image, and an RGB
# decode of it (6 GiB) still fits a worker; above this a "limit" would not protect anything
_BACKGROUND = (255, 255, 255)


class ImageSkip(Exception):
    """The example cannot be exported because of this image; ``reason`` says why."""

    def __init__(self, reason: str, image: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.image = image
        self.example_id: str | None = None


@dataclass(frozen=True)
class ImageOptions:
    """How images are checked and transformed (``link`` changes speed, never bytes)."""

    verify: Literal["header", "full"] = "header"
    max_side: int | None = None
    max_pixels: int = DEFAULT_MAX_PIXELS
    link: bool = False
    follow_symlinks: bool = True

    def __post_init__(self) -> None:
        if self.verify not in ("header", "full"):
            raise ValueError(f"verify must be 'header' or 'full', not {self.verify!r}")
        if self.max_side is not None and self.max_side < 1:
            raise ValueError(f"max side must be a positive number of pixels, not {self.max_side}")
        if not 1 <= self.max_pixels <= MAX_PIXELS_LIMIT:
            raise ValueError(f"max pixels must be between 1 and {MAX_PIXELS_LIMIT}, not {self.max_pixels}")

    def describe(self) -> dict[str, object]:
        return {"verify": self.verify, "max_side": self.max_side, "max_pixels": self.max_pixels,
                "follow_symlinks": self.follow_symlinks}


@dataclass(frozen=True)
class PreparedImage:
    """An image ready to write: its output bytes, and whether they are the source's own."""

    name: str  # POSIX path below images/
    ext: Ext
    width: int
    height: int
    source: str
    data: bytes
    changed: bool

    def read(self) -> bytes:
        """The output bytes."""
        return self.data

    def place(self, destination: Path, *, link: bool = False) -> None:
        """Write the output file once (an existing one is complete: writes are atomic)."""
        target = str(destination)
        if os.path.exists(target):
            return
        folder = os.path.dirname(target)
        if folder not in _MADE_DIRS:
            os.makedirs(folder, exist_ok=True)
            _MADE_DIRS.add(folder)
        temporary = os.path.join(folder, f".{os.path.basename(target)}.tmp-{os.getpid()}")
        if link and not self.changed:
            try:
                os.link(self.source, temporary)
                os.replace(temporary, target)
                return
            except OSError:
                pass  # another file system: fall back to writing the bytes
        try:
            try:
                handle = open(temporary, "wb")  # noqa: SIM115 - closed just below
            except FileNotFoundError:  # the folder went since it was cached (an --overwrite)
                os.makedirs(folder, exist_ok=True)
                handle = open(temporary, "wb")  # noqa: SIM115
            with handle:
                handle.write(self.data)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


# Per-process caches: directories are resolved and created once, not once per image.
_REAL_DIRS: dict[str, str] = {}
_MADE_DIRS: set[str] = set()


def _real_dir(folder: str) -> str:
    real = _REAL_DIRS.get(folder)
    if real is None:
        real = _REAL_DIRS[folder] = os.path.realpath(folder)
    return real


def _locate(ref: ImageRef, follow_symlinks: bool = True) -> tuple[str, str]:
    """The image's path to open and its name below the root; refuses a path that leaves the root.

    The reference itself may never leave its root (no ``..`` past it, no absolute path). Links
    that the user placed in the data root (a shared COCO tree linked into several datasets) are
    followed unless ``follow_symlinks`` is off, in which case the real path must stay inside the
    real root too. Only a regular file is ever opened (a FIFO or device would hang or stream).
    """
    relative = posixpath.normpath(ref.ref.replace("\\", "/"))
    if posixpath.isabs(relative) or relative == ".." or relative.startswith("../"):
        raise ImageSkip("image path resolves outside its data root", ref.ref)
    path = os.path.join(str(ref.root), relative)
    if not follow_symlinks:
        root = _real_dir(str(ref.root))
        folder, name = os.path.split(path)
        real = os.path.realpath(os.path.join(_real_dir(folder), name))
        if not real.startswith(root + os.sep):
            raise ImageSkip("image path resolves outside its data root (links not followed)", ref.ref)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        raise ImageSkip(f"image file is missing: {relative}", ref.ref) from None
    if not stat.S_ISREG(mode):
        raise ImageSkip("image is not a regular file", ref.ref)
    return path, relative


def prepare(ref: ImageRef, options: ImageOptions) -> PreparedImage:
    """Check one image and decide its output; raises :class:`ImageSkip`."""
    path, relative = _locate(ref, options.follow_symlinks)
    if options.max_pixels > (Image.MAX_IMAGE_PIXELS or 0):
        Image.MAX_IMAGE_PIXELS = options.max_pixels  # else Pillow refuses before our own limit
    try:
        data = read_regular_file(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                return _prepare_open(image, path, data, f"{ref.namespace}/{relative}", options)
    except ImageSkip as skip:
        raise ImageSkip(skip.reason, ref.ref) from None
    except IMAGE_ERRORS as error:
        raise ImageSkip(image_error_reason(error), ref.ref) from None


def _prepare_open(image: Image.Image, path: str, data: bytes, name: str,
                  options: ImageOptions) -> PreparedImage:
    width, height = image.size
    if width * height > options.max_pixels:
        raise ImageSkip(f"image is over-size: {width}x{height} exceeds {options.max_pixels} pixels", name)
    ext = PASSTHROUGH_FORMATS.get(image.format or "")
    orientation = _orientation(image)
    too_large = options.max_side is not None and max(width, height) > options.max_side
    if ext is not None and image.mode == "RGB" and orientation == 1 and not too_large:
        # Image.open has parsed the header; the end marker shows the file is whole ("header"),
        # and "full" decodes every pixel too
        reason = truncation(data, image.format)
        if reason is not None:
            raise ImageSkip(reason, name)
        if options.verify == "full":
            image.load()
        return PreparedImage(name, ext, width, height, path, data, changed=False)
    converted = _to_rgb(ImageOps.exif_transpose(image))
    if too_large:
        assert options.max_side is not None
        converted.thumbnail((options.max_side, options.max_side), Image.Resampling.LANCZOS)
    out_ext: Ext = "jpg" if ext == "jpg" else "png"
    buffer = io.BytesIO()
    if out_ext == "jpg":
        converted.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    else:
        converted.save(buffer, format="PNG")
    if ext is None:  # e.g. .bmp/.gif/.webp become PNG; keep the old suffix so names stay unique
        name = str(PurePosixPath(name).with_name(PurePosixPath(name).name + ".png"))
    return PreparedImage(name, out_ext, converted.width, converted.height, path, buffer.getvalue(),
                         changed=True)


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation, read without decoding (PNG ``getexif`` would load every pixel)."""
    if image.format == "PNG" and "exif" not in image.info:
        return 1
    return int(image.getexif().get(ORIENTATION_TAG, 1))


def _to_rgb(image: Image.Image) -> Image.Image:
    """RGB for every mode; transparency is flattened onto white rather than dropped."""
    if image.mode == "RGB":
        return image
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    if not has_alpha:
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    flat = Image.new("RGB", rgba.size, _BACKGROUND)
    flat.paste(rgba, mask=rgba.getchannel("A"))
    return flat
